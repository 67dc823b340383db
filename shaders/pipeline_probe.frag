#version 330 core
// Applies the generated pipeline function to each texel of u_source, one
// output pixel per texel: the shader the preview-parity tests read back.
uniform sampler2D u_source;
out vec4 o_color;

// @VFX_PIPELINE@

void main() {
    vec4 texel = texelFetch(u_source, ivec2(gl_FragCoord.xy), 0);
    o_color = vec4(vfx_apply(texel.rgb), texel.a);
}

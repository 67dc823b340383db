#version 330 core
// The viewport: maps each screen pixel to the image (pan/zoom uniforms),
// draws the checkerboard or black behind alpha, the data and display window
// outlines, NaN/Inf in false colour, and runs the generated display pipeline.
uniform sampler2D u_image;      // RGBA float pixels of the data window
uniform vec2 u_viewport;        // framebuffer size in device pixels
uniform vec2 u_pan;             // device-pixel position of the display window's top-left corner
uniform float u_zoom;           // device pixels per image pixel
uniform vec4 u_display_window;  // xmin, ymin, xmax+1, ymax+1
uniform vec4 u_data_window;     // xmin, ymin, xmax+1, ymax+1
uniform int u_checker;          // 1: checkerboard behind alpha, 0: black
uniform int u_false_color;      // 1: NaN magenta, +Inf red, -Inf blue, both infinities yellow
uniform int u_alpha_view;       // 1: show alpha as grey
uniform float u_wipe;           // <0: off; else screen x fraction where image B begins
uniform int u_has_b;
uniform sampler2D u_image_b;
uniform int u_diff;             // 1: show |A - B|
uniform int u_side;             // 1: A on the left half, B on the right half, same pan/zoom
uniform int u_outline;          // 1: draw the window outlines and the wipe line
out vec4 o_color;

// False colours (vfxview/census_overlay.py marks the census positions with the same ones).
const vec3 NAN_COLOR = vec3(1.0, 0.0, 1.0);
const vec3 POS_INF_COLOR = vec3(1.0, 0.0, 0.0);
const vec3 NEG_INF_COLOR = vec3(0.0, 0.3, 1.0);
const vec3 MIXED_INF_COLOR = vec3(1.0, 1.0, 0.0);

// @VFX_PIPELINE@

vec4 fetch(sampler2D tex, vec2 p) {
    vec2 d = p - u_data_window.xy;
    ivec2 size = textureSize(tex, 0);
    if (d.x < 0.0 || d.y < 0.0 || d.x >= float(size.x) || d.y >= float(size.y)) return vec4(0.0);
    return texelFetch(tex, ivec2(floor(d)), 0);
}

bool on_outline(vec4 w, vec2 screen) {
    vec2 lo = u_pan + w.xy * u_zoom;
    vec2 hi = u_pan + w.zw * u_zoom;
    bool inside = screen.x >= lo.x - 1.0 && screen.x <= hi.x + 1.0 && screen.y >= lo.y - 1.0 && screen.y <= hi.y + 1.0;
    bool near = abs(screen.x - lo.x) < 1.0 || abs(screen.x - hi.x) < 1.0 || abs(screen.y - lo.y) < 1.0 || abs(screen.y - hi.y) < 1.0;
    return inside && near;
}

void main() {
    vec2 screen = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
    bool right_half = u_has_b == 1 && u_side == 1 && screen.x >= 0.5 * u_viewport.x;
    if (right_half) screen.x -= 0.5 * u_viewport.x;
    vec2 p = (screen - u_pan) / u_zoom;   // image coordinates (display-window space)
    vec3 bg = vec3(0.0);
    if (u_checker == 1) {
        ivec2 cell = ivec2(floor(screen / 8.0));
        bg = ((cell.x + cell.y) & 1) == 0 ? vec3(0.18) : vec3(0.28);
    }
    vec3 base = u_checker == 1 ? vec3(0.12) : vec3(0.0);
    bool use_b = right_half || (u_has_b == 1 && u_wipe >= 0.0 && screen.x >= u_wipe * u_viewport.x);
    vec4 texel = use_b ? fetch(u_image_b, p) : fetch(u_image, p);
    if (u_has_b == 1 && u_diff == 1) texel = vec4(abs(fetch(u_image, p).rgb - fetch(u_image_b, p).rgb), 1.0);
    bool in_data = p.x >= u_data_window.x && p.y >= u_data_window.y && p.x < u_data_window.z && p.y < u_data_window.w;
    vec3 color = base;
    if (in_data) {
        vec3 rgb = u_alpha_view == 1 ? vec3(texel.a) : texel.rgb;
        bvec3 nan = isnan(rgb);
        bvec3 inf = isinf(rgb);
        if (u_false_color == 1 && (any(nan) || any(inf))) {
            // by the infinite channels' signs alone: (1, -inf, 1) is -Inf blue, not +Inf red
            bool pos = any(bvec3(inf.x && rgb.x > 0.0, inf.y && rgb.y > 0.0, inf.z && rgb.z > 0.0));
            bool neg = any(bvec3(inf.x && rgb.x < 0.0, inf.y && rgb.y < 0.0, inf.z && rgb.z < 0.0));
            color = any(nan) ? NAN_COLOR : (pos && neg ? MIXED_INF_COLOR : (pos ? POS_INF_COLOR : NEG_INF_COLOR));
        } else {
            vec3 shown = vfx_apply(rgb);
            float a = u_alpha_view == 1 ? 1.0 : clamp(texel.a, 0.0, 1.0);
            color = shown + (1.0 - a) * bg;   // premultiplied over the background
        }
    }
    if (u_outline == 0) { o_color = vec4(color, 1.0); return; }
    if (on_outline(u_display_window, screen)) color = vec3(0.45, 0.45, 0.5);
    if (on_outline(u_data_window, screen) && u_data_window != u_display_window) color = vec3(0.9, 0.7, 0.1);
    if (u_has_b == 1 && u_wipe >= 0.0 && abs(screen.x - u_wipe * u_viewport.x) < 1.0) color = vec3(1.0);
    o_color = vec4(color, 1.0);
}

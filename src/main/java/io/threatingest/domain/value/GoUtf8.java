package io.threatingest.domain.value;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding with Go's rule for invalid input: each byte that does not start a valid sequence is U+FFFD. */
final class GoUtf8 {

    private GoUtf8() {
    }

    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b0 = bytes[i] & 0xff;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                need = 1;
                cp = b0 & 0x1f;
                min = 0x80;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                need = 2;
                cp = b0 & 0x0f;
                min = 0x800;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                need = 3;
                cp = b0 & 0x07;
                min = 0x10000;
            } else {
                out.append('\uFFFD');
                i++;
                continue;
            }
            boolean valid = true;
            for (int j = 1; j <= need; j++) {
                if (i + j >= bytes.length || (bytes[i + j] & 0xc0) != 0x80) {
                    valid = false;
                    break;
                }
                cp = (cp << 6) | (bytes[i + j] & 0x3f);
            }
            if (!valid || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append('\uFFFD');
                i++;
            } else {
                out.appendCodePoint(cp);
                i += need + 1;
            }
        }
        return out.toString();
    }

    static String ascii(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

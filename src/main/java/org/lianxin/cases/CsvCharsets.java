package org.lianxin.cases;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;


/**
 * Decodes a CSV export. Call-center systems write UTF-8 (Excel adds a byte order mark) or GBK (what Excel on a
 * Chinese Windows saves as "CSV"), and the file does not say which. With the setting {@code auto} a strict UTF-8
 * decode is tried first, then GBK: GBK text is almost never valid UTF-8, while a lenient decode would store
 * garbled Chinese without anyone noticing. A deployment may also fix the charset. Either way a file that does not
 * decode cleanly is refused whole ("file: wrong encoding ..."), never stored with replacement characters.
 */
public final class CsvCharsets {

    public static final String AUTO = "auto";
    /** What Excel (and Notepad on a Chinese Windows) needs at the start of a file to read it as UTF-8. */
    public static final String BOM = "\uFEFF";
    public static final Charset GBK = Charset.forName("GBK");
    private static final String FIELD = "file";

    /** Null when detected per file. */
    private final Charset fixed;

    private CsvCharsets(Charset fixed) {
        this.fixed = fixed;
    }

    /** From the setting: {@code auto}, or a charset name such as {@code UTF-8} or {@code GBK}. */
    public static CsvCharsets of(String setting) {
        if (setting == null || setting.isBlank() || AUTO.equalsIgnoreCase(setting.strip())) {
            return new CsvCharsets(null);
        }
        try {
            return new CsvCharsets(Charset.forName(setting.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown CSV charset '" + setting + "': use auto, UTF-8 or GBK", e);
        }
    }

    /** The text of the file, without a UTF-8 byte order mark; refuses a file that is not in the charset. */
    public String decode(byte[] bytes) {
        boolean bom = hasUtf8Bom(bytes);
        int afterBom = bom ? 3 : 0;
        if (fixed == null) {
            Decoded utf8 = strictly(StandardCharsets.UTF_8, bytes, afterBom);
            if (utf8.ok()) {
                return utf8.text();
            }
            if (bom) {
                throw wrongEncoding("starts with a UTF-8 byte order mark but is not valid UTF-8" + utf8.where());
            }
            Decoded gbk = strictly(GBK, bytes, 0);
            if (gbk.ok()) {
                return gbk.text();
            }
            throw wrongEncoding("neither UTF-8" + utf8.where() + " nor GBK" + gbk.where());
        }
        if (bom && !fixed.equals(StandardCharsets.UTF_8)) {
            throw wrongEncoding("starts with a UTF-8 byte order mark, but this folder is set to " + fixed.name());
        }
        Decoded decoded = strictly(fixed, bytes, fixed.equals(StandardCharsets.UTF_8) ? afterBom : 0);
        if (!decoded.ok()) {
            throw wrongEncoding("not valid " + fixed.name() + ", the charset this folder is set to" + decoded.where());
        }
        return decoded.text();
    }

    public static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    private static Decoded strictly(Charset charset, byte[] bytes, int start) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = bytes.length - start;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return new Decoded(null, in.position());
        }
        return new Decoded(out.flip().toString(), -1);
    }

    private static InvalidIntakeException wrongEncoding(String why) {
        return new InvalidIntakeException(FIELD, "wrong encoding: " + why);
    }

    /** The text, or null and the offset of the first byte that does not decode. */
    private record Decoded(String text, int badOffset) {
        boolean ok() {
            return text != null;
        }

        String where() {
            return " (invalid byte at offset " + badOffset + ")";
        }
    }
}

package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.InvalidIntakeException;

class CsvCharsetsTest {

    static final String TEXT = "recordId,content\nHL-1,小区门口路灯不亮，𠮷野家旁边。\n";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** 0xFF never occurs in UTF-8 nor in GBK. */
    static final byte[] NEITHER = {'a', ',', (byte) 0xC4, (byte) 0xE3, (byte) 0xFF, '\n'};

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gbk(String s) {
        return s.getBytes(CsvCharsets.GBK);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void autoReadsUtf8WithAndWithoutBomAndGbk() {
        CsvCharsets auto = CsvCharsets.of("auto");
        String gbkText = "recordId,content\nHL-1,小区门口路灯不亮，请尽快维修。\n";
        assertThat(auto.decode(utf8(TEXT))).isEqualTo(TEXT);
        assertThat(auto.decode(concat(BOM, utf8(TEXT)))).isEqualTo(TEXT);
        assertThat(auto.decode(gbk(gbkText))).isEqualTo(gbkText);
        assertThat(auto.decode(new byte[0])).isEmpty();
    }

    @Test
    void autoRefusesBytesThatAreNeitherUtf8NorGbk() {
        assertThatThrownBy(() -> CsvCharsets.of("auto").decode(NEITHER))
                .isInstanceOf(InvalidIntakeException.class)
                .hasMessage("file: wrong encoding: neither UTF-8 (invalid byte at offset 2)"
                        + " nor GBK (invalid byte at offset 4)");
    }

    @Test
    void aBomPromisesUtf8() {
        byte[] bomThenGbk = concat(BOM, gbk("路灯不亮"));
        assertThatThrownBy(() -> CsvCharsets.of("auto").decode(bomThenGbk))
                .hasMessageStartingWith("file: wrong encoding: starts with a UTF-8 byte order mark but is not valid");
        assertThatThrownBy(() -> CsvCharsets.of("GBK").decode(concat(BOM, utf8(TEXT))))
                .hasMessage("file: wrong encoding: starts with a UTF-8 byte order mark, but this folder is set to GBK");
    }

    @Test
    void aFixedCharsetReadsOnlyThatCharset() {
        CsvCharsets utf8Only = CsvCharsets.of("UTF-8");
        assertThat(utf8Only.decode(concat(BOM, utf8(TEXT)))).isEqualTo(TEXT);
        assertThatThrownBy(() -> utf8Only.decode(gbk("路灯不亮")))
                .isInstanceOf(InvalidIntakeException.class)
                .hasMessageStartingWith("file: wrong encoding: not valid UTF-8");

        CsvCharsets gbkOnly = CsvCharsets.of("gbk");
        assertThat(gbkOnly.decode(gbk("路灯不亮"))).isEqualTo("路灯不亮");
        assertThatThrownBy(() -> gbkOnly.decode(NEITHER)).hasMessageStartingWith("file: wrong encoding: not valid GBK");
    }

    @Test
    void anUnknownSettingFailsAtStartup() {
        assertThatThrownBy(() -> CsvCharsets.of("klingon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("klingon");
    }
}

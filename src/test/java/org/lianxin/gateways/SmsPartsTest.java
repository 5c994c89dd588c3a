package org.lianxin.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    void segmentsAreSeventyCharactersAloneAndSixtySevenWhenConcatenated() {
        assertThat(SmsParts.segments("")).isZero();
        assertThat(SmsParts.segments("办".repeat(70))).isEqualTo(1);
        assertThat(SmsParts.segments("办".repeat(71))).isEqualTo(2);
        assertThat(SmsParts.segments("办".repeat(134))).isEqualTo(2);
        assertThat(SmsParts.segments("办".repeat(135))).isEqualTo(3);
        assertThat(SmsParts.segments("办".repeat(201))).isEqualTo(3);
        assertThat(SmsParts.segments("办".repeat(202))).isEqualTo(4);
        // UCS-2 counts UTF-16 units: a character outside the BMP takes two
        assertThat(SmsParts.segments("办".repeat(69) + "😀")).isEqualTo(2);
        assertThat(SmsParts.capacity(1)).isEqualTo(70);
        assertThat(SmsParts.capacity(3)).isEqualTo(201);
    }

    @Test
    void aCutTextEndsWithAnEllipsisAndNeverSplitsASurrogatePair() {
        assertThat(SmsParts.cut("一二三四五", 5)).isEqualTo("一二三四五");
        assertThat(SmsParts.cut("一二三四五", 4)).isEqualTo("一二三…");
        assertThat(SmsParts.cut("一二😀四", 4)).isEqualTo("一二…");
    }
}

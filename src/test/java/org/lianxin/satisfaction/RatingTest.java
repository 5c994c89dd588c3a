package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void aSurveyReplyIsADigitOrAWordWithWhateverFollows() {
        assertThat(Rating.fromSms("1")).hasValue(new Rating.Reply(Rating.SATISFIED, null));
        assertThat(Rating.fromSms(" 2 ")).hasValue(new Rating.Reply(Rating.BASICALLY_SATISFIED, null));
        assertThat(Rating.fromSms("３，路灯还是不亮！")).hasValue(new Rating.Reply(Rating.DISSATISFIED, "路灯还是不亮！"));
        assertThat(Rating.fromSms("3还是没修")).hasValue(new Rating.Reply(Rating.DISSATISFIED, "还是没修"));
        assertThat(Rating.fromSms("不满意 没人来")).hasValue(new Rating.Reply(Rating.DISSATISFIED, "没人来"));
        assertThat(Rating.fromSms("基本满意")).hasValue(new Rating.Reply(Rating.BASICALLY_SATISFIED, null));
        assertThat(Rating.fromSms("满意，谢谢")).hasValue(new Rating.Reply(Rating.SATISFIED, "谢谢"));
    }

    @Test
    void otherTextIsNoRating() {
        assertThat(Rating.fromSms("12号楼还是停水")).isEmpty();
        assertThat(Rating.fromSms("4")).isEmpty();
        assertThat(Rating.fromSms("2026000123-1 办结 已处理")).isEmpty();
        assertThat(Rating.fromSms("签收 2026000123-1")).isEmpty();
        assertThat(Rating.fromSms("")).isEmpty();
        assertThat(Rating.fromSms(null)).isEmpty();
    }

    @Test
    void anApiRatingIsItsNameDigitOrWord() {
        assertThat(Rating.of("dissatisfied")).hasValue(Rating.DISSATISFIED);
        assertThat(Rating.of("1")).hasValue(Rating.SATISFIED);
        assertThat(Rating.of("基本满意")).hasValue(Rating.BASICALLY_SATISFIED);
        assertThat(Rating.of("0")).isEmpty();
        assertThat(Rating.of(null)).isEmpty();
    }
}

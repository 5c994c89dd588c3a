package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusMessage;

/**
 * Re-posts told by their text alone: small edits join, another place or number on the same template does not; and
 * on a generated web archive with re-posts and near-misses (org.lianxin.corpus), through the text index.
 */
class RepostRuleTest {

    static final String LEAK = "我是幸福小区3栋的住户，自从上个月开始，楼顶的水箱一直漏水，雨天更严重，楼道墙面已经发霉，"
            + "多次找物业都说没钱修，希望有关部门督促物业尽快维修。";

    static boolean reposted(String a, String b) {
        return RepostRule.reposted(RepostRule.letters(a), RepostRule.letters(b));
    }

    @Test
    void theSameMessageWithWordsAddedOrPunctuationChangedIsAReposting() {
        assertThat(reposted(LEAK, LEAK)).isTrue();
        assertThat(reposted(LEAK, "再次反映：" + LEAK)).isTrue();
        assertThat(reposted(LEAK, LEAK + "问题至今没有解决，请领导重视！")).isTrue();
        assertThat(reposted(LEAK, LEAK.replace("，", ", ").replace("。", "。\n"))).isTrue();
        assertThat(reposted("【再次反映】" + LEAK.replace("，", "、") + "到现在还是没有任何答复。", LEAK)).isTrue();
        assertThat(reposted(LEAK, LEAK.substring(0, 50))).as("cut short after 50 characters").isTrue();
    }

    @Test
    void anotherPlaceOrNumberOnTheSameWordsIsNot() {
        assertThat(reposted(LEAK, LEAK.replace("幸福小区", "阳光花园"))).isFalse();
        assertThat(reposted(LEAK, LEAK.replace("3栋", "5栋"))).isFalse();
        assertThat(reposted(LEAK, LEAK.replace("楼顶的水箱", "地下室的水管"))).isFalse();
        assertThat(reposted(LEAK, "再次反映：" + LEAK.replace("3栋", "8栋") + "至今没有解决。")).isFalse();
    }

    @Test
    void aShortTextOnlyWhenTheSameAndAMuchLongerOneIsNot() {
        assertThat(reposted("路灯坏了，请尽快修。", "路灯坏了，请尽快修。")).as("under 10 letters").isFalse();
        String shortOne = "小区门口的路灯坏了一个星期，请尽快修。";
        assertThat(reposted(shortOne, shortOne.replace("，", " "))).isTrue();
        assertThat(reposted(shortOne, shortOne + "另外小区的垃圾也没人清运。")).as("a short one inside another").isFalse();
        assertThat(reposted(LEAK.substring(0, 25), LEAK)).as("a quarter of a message").isFalse();
        assertThat(reposted(null, LEAK)).isFalse();
    }

    @Test
    void likenessIsOneForTheSameLettersAndLowForOtherMatters() {
        String other = "建设路与人民路交叉口的红绿灯坏了三天，早晚高峰车辆拥堵严重，行人过马路非常危险，请交警部门尽快处理。";
        assertThat(RepostRule.likeness(RepostRule.letters(LEAK), RepostRule.letters(LEAK + "。"))).isEqualTo(1.0,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(RepostRule.likeness(RepostRule.letters(LEAK), RepostRule.letters(other))).isLessThan(0.2);
    }

    @Test
    void onAWebArchiveRepostsJoinTheirFirstCaseAndNearMissesDoNot() {
        List<CorpusMessage> archive = CitizenMessages.webArchiveWithReposts(4326, 4326);
        RepostReplay.Figures figures = RepostReplay.replay(
                archive.stream().map(m -> new RepostReplay.Message(m.content(), m.matter())).toList(), 10, 0.85);
        assertThat(figures.reposts()).isGreaterThan(100);
        assertThat(figures.recall()).isGreaterThanOrEqualTo(0.85);
        assertThat(figures.wrongPer100Joins()).as(String.join("\n", figures.wrong())).isLessThanOrEqualTo(1.0);
        assertThat(figures.offers()).as("possible repeats offered").isLessThan(archive.size() / 8);
    }
}

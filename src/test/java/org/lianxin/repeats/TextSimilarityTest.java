package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The score on realistic pairs, against the default thresholds (citizen 0.45, place 0.55): rephrased reports of one
 * matter score high, other matters at the same place or from the same caller score low.
 */
class TextSimilarityTest {

    static final double CITIZEN = 0.45;
    static final double PLACE = 0.55;
    static final TextSimilarity SIMILARITY = new TextSimilarity();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            streetlight again            | 幸福小区3号楼 | 幸福小区3号楼门口的路灯坏了一个星期了，晚上一片漆黑，老人出门很不方便。 | 幸福小区3号楼 | 再反映一次，3号楼门口的路灯还是坏的，晚上漆黑一片，一直没人来修。
            water outage rephrased       | 城关镇和平路 | 和平路停水两天了，自来水公司也没有通知什么时候来水，家里做饭都没水。 | 和平路 | 和平路一带还在停水，到现在也没通知什么时候来水，做饭洗衣都没水用。
            square dance noise           | 滨河公园 | 滨河公园每天晚上广场舞音响声音太大，十点以后还在放，严重影响休息。 | 滨河公园 | 滨河公园跳广场舞的音响太吵了，晚上十点多还在放，孩子没法睡觉。
            lift broken, no location     |  | 锦绣花园5栋电梯又坏了，今天困了人，物业不管。 |  | 锦绣花园5栋电梯三天两头坏，今天又把人困在电梯里面，物业推脱不管。
            same words, punctuation      |  | 幸福小区停水了！ |  | 幸福小区停水了
            """)
    void repeatsOfOneMatterScoreAsRepeats(String name, String placeA, String a, String placeB, String b) {
        assertThat(SIMILARITY.score(a, placeA, b, placeB)).as(name).isGreaterThanOrEqualTo(CITIZEN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same building, other problem | 幸福小区3号楼 | 幸福小区3号楼门口的路灯坏了一个星期了，晚上一片漆黑，老人出门很不方便。 | 幸福小区3号楼 | 幸福小区3号楼楼下餐馆油烟太大，熏得窗户都不能开，希望有关部门管一管。
            same road, other problem     | 城关镇和平路 | 城关镇和平路自来水停水两天了，一直没有通知什么时候来水。 | 城关镇和平路 | 城关镇和平路路面坑洼不平，下雨天全是积水，车辆经过溅人一身泥。
            same crossing, other problem | 建设路与人民路交叉口 | 建设路与人民路交叉口红绿灯坏了，车辆乱行很危险。 | 建设路与人民路交叉口 | 建设路与人民路交叉口有人占道经营摆摊卖菜，堵住了人行道。
            same caller, other matter    |  | 我家孩子今年上小学，想咨询一下入学要准备哪些材料。 |  | 我想咨询一下医保报销需要哪些材料，去哪里办理。
            same estate, other matter    |  | 锦绣花园5栋电梯又坏了，今天困了人，物业不管。 |  | 锦绣花园物业乱收停车费，每个月涨了一百块，业主意见很大。
            too short to tell            |  | 有事反映 |  | 有事反映一下
            """)
    void otherMattersStayApart(String name, String placeA, String a, String placeB, String b) {
        assertThat(SIMILARITY.score(a, placeA, b, placeB)).as(name).isLessThan(CITIZEN);
    }

    @Test
    void nearlyTheSameReportFromTheSamePlaceScoresAboveThePlaceThreshold() {
        assertThat(SIMILARITY.score("幸福小区3号楼门口的路灯坏了，晚上一片漆黑，走路很危险。", "幸福小区3号楼",
                "幸福小区3号楼门口路灯坏了好几天，晚上一片漆黑，走路危险。", "城关镇幸福小区3号楼")).isGreaterThanOrEqualTo(PLACE);
    }

    @Test
    void theScoreIsSymmetricAndStable() {
        String a = "滨河公园每天晚上广场舞音响声音太大，十点以后还在放。";
        String b = "滨河公园跳广场舞的音响太吵了，晚上十点多还在放。";
        double once = SIMILARITY.score(a, "滨河公园", b, null);
        assertThat(SIMILARITY.score(b, null, a, "滨河公园")).isEqualTo(once);
        assertThat(new TextSimilarity().score(a, "滨河公园", b, null)).isEqualTo(once);
        assertThat(SIMILARITY.score(a, null, null, null)).isZero();
    }

    @Test
    void fullWidthFormsAndCaseAreFolded() {
        assertThat(SIMILARITY.score("ＡＢＣ小区１２号楼停电", null, "abc小区12号楼停电", null)).isEqualTo(1.0);
    }
}

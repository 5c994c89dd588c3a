package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.cases.RequestType.COMPLAINT;
import static org.lianxin.cases.RequestType.HELP;
import static org.lianxin.cases.RequestType.INQUIRY;
import static org.lianxin.cases.RequestType.REPORT;
import static org.lianxin.cases.RequestType.SUGGESTION;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lianxin.cases.RequestType;

/**
 * The shipped rules (application.yml categories and hot keywords, sample-rules.yaml, the sample county) on
 * requests as citizens write them: type, category, township, hot, and where each goes. A case the rules cannot
 * place goes to the dispatchers (toTriage), never to a guessed department.
 */
class TriageExamplesTest {

    static final Classifier CLASSIFIER = TriageFixtures.classifier();
    static final Router ROUTER = TriageFixtures.router(TriageFixtures.departments());

    static final class Example {
        final String title;
        final String content;
        String location;
        String category;
        Integer visitors;
        RequestType type;
        String expectedCategory;
        String township;
        boolean hot;
        String lead;
        List<String> coHandlers = List.of();

        Example(String title, String content) {
            this.title = title;
            this.content = content;
        }

        Example at(String location) {
            this.location = location;
            return this;
        }

        Example category(String category) {
            this.category = category;
            return this;
        }

        Example visitors(int visitors) {
            this.visitors = visitors;
            return this;
        }

        Example is(RequestType type, String category, String township) {
            this.type = type;
            this.expectedCategory = category;
            this.township = township;
            return this;
        }

        Example hot() {
            this.hot = true;
            return this;
        }

        Example to(String lead, String... coHandlers) {
            this.lead = lead;
            this.coHandlers = List.of(coHandlers);
            return this;
        }

        Example toTriage() {
            this.lead = null;
            return this;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    static Example call(String title, String content) {
        return new Example(title, content);
    }

    static Stream<Example> examples() {
        return Stream.of(
                // 供水供电供热: the channel's category, then the kind of outage picks the unit
                call("小区停电", "幸福小区3号楼从昨晚8点开始停电，到现在还没来电，家里有老人，请尽快抢修。")
                        .at("城关镇幸福小区3号楼").category("utilities")
                        .is(HELP, "utilities", "cgz").to("gdj"),
                call("河西新村停水", "河西新村已经停水两天了，请问什么时候能恢复供水？")
                        .at("河西街道河西新村").category("utilities")
                        .is(INQUIRY, "utilities", "hxjd").to("slj"),
                call("暖气不热", "我家暖气片不热，室温只有14度，供热公司一直说在处理。")
                        .at("城关镇解放路12号")
                        .is(HELP, "utilities", "cgz").to("zjj"),
                call("燃气泄漏", "解放路一家饭店燃气泄漏，已经闻到很大的味道，怕发生爆炸。")
                        .is(HELP, "utilities", "cgz").hot().to("zjj"),
                // 环境保护
                call("夜间施工噪音扰民", "建设路工地每天晚上11点以后还在施工，噪音很大，严重影响居民休息。")
                        .at("河西街道建设路")
                        .is(HELP, "environment", "hxjd").to("sthj", "cgj"),
                call("举报化工厂偷排污水", "青山镇石门村附近的化工厂晚上偷排污水到河里，河水发黑发臭。")
                        .is(REPORT, "environment", "qsz").to("sthj"),
                call("村口垃圾无人清运", "柳树村村口垃圾堆放很久没人清运，气味难闻。")
                        .at("柳树乡柳树村")
                        .is(HELP, "environment", "lsx").to("lsx"),
                call("背街小巷垃圾成堆", "西街社区背街小巷的垃圾桶已经满了好几天没人清理，夏天臭味很大。")
                        .is(HELP, "environment", "cgz").to("cgj"),
                // 城乡建设: the township leads on its ground
                call("路灯不亮", "滨河社区门口的路灯坏了一个多月，晚上出行很不安全。")
                        .at("河西街道滨河社区").category("urban")
                        .is(HELP, "urban", "hxjd").to("hxjd", "zjj"),
                call("村道私搭乱建", "青山镇石门村村民在村道上私搭乱建，占用道路，车辆无法通行。")
                        .is(HELP, "urban", "qsz").to("qsz", "cgj"),
                call("楼顶违章建筑", "我们小区顶楼住户在楼顶搭建违章建筑，存在安全隐患，物业不管。")
                        .is(HELP, "urban", null).to("cgj"),
                call("路面坑洼能否尽快修复", "建设路路面坑洼不平，下雨天积水，能否尽快修复？")
                        .is(HELP, "urban", "hxjd").to("hxjd", "zjj"),
                // two townships in the location: in neither for sure, so the county bureau
                call("交界处路面有大坑", "两个街道交界处的路面有个大坑，一直没人修。")
                        .at("城关镇与河西街道交界的人民路").category("urban")
                        .is(HELP, "urban", null).to("zjj"),
                // 劳动就业, 社会保障
                call("农民工讨薪", "青山镇某工地拖欠三十多名农民工工资半年，工人们准备集体上访。")
                        .category("labour")
                        .is(HELP, "labour", "qsz").hot().to("rsj"),
                call("咨询劳动合同问题", "请问公司试用期不签劳动合同是否合法？")
                        .is(INQUIRY, "labour", null).to("rsj"),
                call("请问低保怎么申请", "我母亲今年70岁，一个人生活，没有收入，请问申请低保需要什么材料？")
                        .is(INQUIRY, "social-security", null).to("mzj"),
                call("养老金没有按时发放", "我退休三个月了，养老金到现在还没发，社保局说在审核。")
                        .category("social-security")
                        .is(HELP, "social-security", null).to("rsj"),
                // 教育, 医疗卫生
                call("学校乱收费", "城关镇第二小学开学要求每个学生交500元补课费，这是不是乱收费？")
                        .is(COMPLAINT, "education", "cgz").to("jyj"),
                call("卫生院医生态度恶劣", "青山镇卫生院的医生看病时态度恶劣，还让我们去外面药店买药。")
                        .category("health")
                        .is(COMPLAINT, "health", "qsz").to("wjj"),
                // 交通运输, 治安
                call("建议增设公交站点", "柳树乡到县城只有一趟班车，希望增设公交线路，方便群众出行。")
                        .is(SUGGESTION, "transport", "lsx").to("jtj"),
                call("路口红绿灯坏了", "解放路与人民路口的红绿灯坏了，早高峰很乱。")
                        .category("transport")
                        .is(HELP, "transport", "cgz").to("gaj"),
                call("消防通道被占", "幸福小区消防通道长期被私家车违停占用，万一着火消防车进不来。")
                        .is(HELP, "public-security", "cgz").to("gaj"),
                // 市场监管, 农业农村, 其他
                call("举报超市销售过期食品", "河西新村一家超市在卖过期的牛奶和面包，吃了拉肚子。")
                        .is(REPORT, "market", "hxjd").to("scjgj"),
                call("承包地被占用", "柳树乡杨庄村有人强占我家承包地种植果树，村里不管。")
                        .is(HELP, "agriculture", "lsx").to("lsx", "nyncj"),
                // 集体 alone is not hot: 村集体土地 is an everyday matter
                call("村集体土地被违规出租", "柳河村村集体土地被村干部违规出租给外地老板建厂。")
                        .is(REPORT, "agriculture", "lsx").to("lsx", "nyncj"),
                call("征地补偿款未发放", "我们村8户村民的征地补偿款至今未发放。")
                        .at("柳树乡王家沟村").category("agriculture").visitors(8)
                        .is(HELP, "agriculture", "lsx").hot().to("lsx", "nyncj"),
                call("征地补偿款未发放（四人来访）", "我们村4户村民的征地补偿款至今未发放。")
                        .at("柳树乡王家沟村").category("agriculture").visitors(4)
                        .is(HELP, "agriculture", "lsx").to("lsx", "nyncj"),
                call("村里广播太早", "村委会每天早上五点就开广播，吵得没法睡觉。")
                        .category("other")
                        .is(HELP, "other", null).to("xfj"),
                // The rules are not sure: to the dispatchers
                call("反映问题", "我有个情况想反映一下，麻烦有关部门联系我。")
                        .is(HELP, null, null).toTriage(),
                call("物业乱收费", "物业公司乱收费，停车费一年涨了三次。")
                        .is(COMPLAINT, null, null).toTriage(),
                call("采石场塌方", "青山镇龙潭村采石场今天上午发生塌方，有工人被埋，现场很乱。")
                        .is(HELP, null, "qsz").hot().toTriage(),
                call("有人非法盗采河砂", "石门村有人晚上开着挖掘机在河道里非法盗采河砂。")
                        .is(REPORT, null, "qsz").toTriage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void classifiesAndRoutes(Example e) {
        Classification c = CLASSIFIER.classify(new CaseFacts("2026000001", e.title, e.content, e.location, e.category,
                e.visitors));
        Routing routing = ROUTER.route(c);

        assertThat(c.type().value()).as("type").isEqualTo(e.type);
        assertThat(c.categoryCode()).as("category").isEqualTo(e.expectedCategory);
        assertThat(c.townshipId()).as("township").isEqualTo(e.township);
        assertThat(c.isHot()).as("hot").isEqualTo(e.hot);
        assertThat(routing.confident()).as("confident: " + routing).isEqualTo(e.lead != null);
        assertThat(routing.lead()).as("lead").isEqualTo(e.lead);
        assertThat(routing.coHandlers()).as("co-handlers").isEqualTo(e.coHandlers);
        if (e.lead == null) {
            assertThat(routing.reason()).as("why it waits").isNotBlank();
        }
    }
}

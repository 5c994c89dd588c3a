package org.lianxin.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The places and facts one message (or one real-world matter) speaks of: each placeholder of a fragment
 * ({小区}, {路}, {时长}, …) gets one value, drawn once and then kept, so a message names one 小区 throughout and
 * every report of a matter names the same school.
 */
final class Places {

    private static final String[] NAMES = {"青山", "金桥", "长岭", "白沙", "桃花", "龙泉", "松坡", "新民", "红旗", "枫树",
            "梅溪", "石门", "杨柳", "华兴", "东升", "兴隆", "高桥", "黄土", "清水", "莲花", "凤凰", "望城", "茶亭", "双河",
            "马坡", "湘江", "雨花", "芙蓉", "麓谷", "星沙", "洞井", "暮云", "坪塘", "含浦", "黎托", "榔梨", "金井", "北山",
            "团结", "建设", "光明", "永安", "太平", "福临", "花桥", "泉塘", "洪山", "岳麓", "天心", "开福", "南湖", "西湖",
            "东湖", "樟树", "柏加", "大托", "跳马", "同升", "圭塘", "隆平"};
    private static final String[] ESTATE_HEADS = {"阳光", "金色", "碧桂园", "紫薇", "枫林", "锦绣", "翡翠", "世纪", "盛世",
            "恒大", "万科", "保利", "中建", "融城", "书香", "和平", "幸福", "东方", "滨江", "御景", "星河", "天骄", "丽发",
            "魅力之城", "汇金", "五矿万境", "梅溪湖", "湘府", "金地", "华润", "龙湖", "新城", "佳兆业", "富力", "绿地",
            "万达", "蓝天", "润和", "嘉信", "金科"};
    private static final String[] ESTATE_TAILS = {"花园", "家园", "新城", "小区", "华府", "雅苑", "公馆", "嘉园", "城",
            "名都", "佳苑", "国际", "一期", "二期", "三期", "壹号", "府", "湾", "春天", "丽景"};
    private static final String[] ROAD_TAILS = {"路", "路", "大道", "街", "东路", "西路", "中路", "北路", "南路"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "彭", "曾", "谭", "邓"};
    private static final String[] DURATIONS = {"一个多月", "两个月", "三个多月", "半年", "大半年", "一年多", "两年多",
            "三年", "好几年", "一个星期", "十来天", "快两个月", "四个月", "五年多"};
    private static final String[] TIMES = {"好几次", "三四次", "十几次", "无数次", "两次", "五六次", "多次"};
    private static final String[] WHEN = {"上个月", "今年3月", "今年年初", "去年10月", "去年年底", "前段时间", "上周",
            "今年5月", "春节前", "国庆节后", "今年6月", "8月份"};
    private static final String[] NIGHT = {"晚上十点以后", "凌晨两三点", "晚上十一点多", "半夜", "早上五点多", "中午午休时间"};
    private static final String[] CN_NUM = {"两", "三", "四", "五", "六", "七", "八", "十几", "二十多", "几十"};

    private final Random random;
    private final Map<String, String> values;
    private final boolean vague;

    Places(long seed) {
        this(new Random(seed), new HashMap<>(), false);
    }

    private Places(Random random, Map<String, String> values, boolean vague) {
        this.random = random;
        this.values = values;
        this.vague = vague;
    }

    /** The same places and facts, told by someone who does not name them ("我们小区", "附近的路上"). */
    Places withoutNames() {
        return new Places(random, values, true);
    }

    /** The same places told by name. */
    Places withNames() {
        return new Places(random, values, false);
    }

    /** Whether the places are told by name. */
    boolean named() {
        return !vague;
    }

    /** This message's value for a placeholder, drawn on first use; a place told without its name when unnamed. */
    String get(String key) {
        if (vague) {
            String unnamed = unnamed(key);
            if (unnamed != null) {
                return unnamed;
            }
        }
        return value(key);
    }

    private String value(String key) {
        String value = values.get(key);
        if (value == null) {
            value = draw(key); // may draw others first: a district names its city
            values.put(key, value);
        }
        return value;
    }

    /** Whether this key has been drawn, i.e. the message named it. */
    String drawn(String key) {
        return values.get(key);
    }

    /** The place a hotline record would note for the message: the most precise one it named. */
    String location() {
        for (String key : List.of("小区", "学校", "幼儿园", "医院", "景区", "商场", "村", "工厂", "路", "镇")) {
            String value = values.get(key);
            if (value != null) {
                String area = key.equals("村") ? value("县") + value("镇") : value("区");
                return area + value;
            }
        }
        return value("区");
    }

    private static String unnamed(String key) {
        return switch (key) {
            case "小区" -> "我们小区";
            case "路" -> "我家附近";
            case "学校" -> "孩子所在的学校";
            case "幼儿园" -> "孩子上的幼儿园";
            case "医院" -> "这家医院";
            case "景区", "商场", "公司", "开发商", "工厂", "单位" -> "这家" + switch (key) {
                case "景区" -> "景区";
                case "商场" -> "商场";
                case "开发商" -> "开发商";
                case "工厂" -> "厂";
                default -> "公司";
            };
            case "村" -> "我们村";
            case "镇" -> "我们镇";
            case "区", "县", "市" -> "这边";
            default -> null;
        };
    }

    private String draw(String key) {
        Random r = random;
        return switch (key) {
            case "省" -> "西地省";
            case "市" -> r.nextInt(10) < 7 ? "A市" : (char) ('B' + r.nextInt(11)) + "市";
            case "区" -> r.nextInt(10) < 7 ? area(value("市")) : value("县");
            case "县" -> letter(value("市")) + (1 + r.nextInt(9)) + "县";
            case "镇" -> pick(NAMES) + (r.nextInt(3) == 0 ? "街道" : "镇");
            case "村" -> pick(NAMES) + "村";
            case "小区" -> estate();
            case "路" -> pick(NAMES) + pick(ROAD_TAILS);
            case "路2" -> pick(NAMES) + pick(ROAD_TAILS);
            case "学校" -> switch (r.nextInt(5)) {
                case 0 -> value("市") + "第" + (1 + r.nextInt(20)) + "中学";
                case 1 -> pick(NAMES) + "小学";
                case 2 -> pick(NAMES) + "中学";
                case 3 -> pick(NAMES) + "实验学校";
                default -> value("区") + pick(NAMES) + "小学";
            };
            case "高校" -> value("市") + pick(new String[]{"经济学院", "职业技术学院", "理工学院", "师范学院", "医学高等专科学校",
                    "信息工程职业学院"});
            case "幼儿园" -> pick(NAMES) + pick(new String[]{"幼儿园", "双语幼儿园", "贝贝幼儿园", "小天使幼儿园"});
            case "医院" -> switch (r.nextInt(4)) {
                case 0 -> value("市") + "第" + (1 + r.nextInt(6)) + "人民医院";
                case 1 -> value("区") + "中医院";
                case 2 -> pick(NAMES) + "镇卫生院";
                default -> value("市") + pick(new String[]{"妇幼保健院", "中心医院", "人民医院", "骨科医院"});
            };
            case "景区" -> pick(NAMES) + pick(new String[]{"景区", "古镇", "森林公园", "温泉度假村", "山风景区", "湿地公园"});
            case "商场" -> pick(NAMES) + pick(new String[]{"购物广场", "超市", "百货商场", "商贸城", "生活超市"});
            case "公司" -> pick(NAMES) + pick(new String[]{"科技有限公司", "商贸有限公司", "电子有限公司", "物流有限公司",
                    "实业有限公司", "文化传媒有限公司"});
            case "单位" -> pick(NAMES) + pick(new String[]{"建筑工程有限公司", "劳务有限公司", "机械制造有限公司", "电子厂",
                    "食品有限公司", "服装厂", "汽车配件有限公司", "物业管理有限公司"});
            case "开发商" -> pick(NAMES) + pick(new String[]{"房地产开发有限公司", "置业有限公司", "房地产公司", "地产集团"});
            case "物业" -> pick(NAMES) + pick(new String[]{"物业管理有限公司", "物业公司", "物业服务中心"});
            case "工厂" -> pick(NAMES) + pick(new String[]{"化工厂", "砖厂", "纸业公司", "搅拌站", "沥青厂", "石材厂", "铸造厂",
                    "塑料厂"});
            case "线路" -> r.nextInt(3) == 0 ? "K" + (100 + r.nextInt(60)) + "路" : (1 + r.nextInt(150)) + "路";
            case "姓" -> pick(SURNAMES);
            case "人" -> pick(SURNAMES) + pick(new String[]{"某", "某某", "师傅", "老板", "经理", "老师"});
            case "数" -> String.valueOf(2 + r.nextInt(19));
            case "几" -> pick(CN_NUM);
            case "户" -> String.valueOf(30 + r.nextInt(870));
            case "人数" -> String.valueOf(20 + r.nextInt(280));
            case "楼" -> (1 + r.nextInt(30)) + "栋";
            case "层" -> String.valueOf(6 + r.nextInt(28));
            case "元" -> switch (r.nextInt(4)) {
                case 0 -> (1 + r.nextInt(9)) * 1000 + r.nextInt(10) * 100 + "元";
                case 1 -> (1 + r.nextInt(9)) + "." + r.nextInt(10) + "万元";
                case 2 -> pick(CN_NUM) + "万多元";
                default -> (2 + r.nextInt(50)) * 100 + "元";
            };
            case "小钱" -> (5 + r.nextInt(60)) * 10 + "元";
            case "月薪" -> (15 + r.nextInt(21)) * 100 + "元";
            case "年" -> String.valueOf(2008 + r.nextInt(12));
            case "日期" -> (2017 + r.nextInt(3)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日";
            case "时候" -> pick(WHEN);
            case "时长" -> pick(DURATIONS);
            case "次" -> pick(TIMES);
            case "夜" -> pick(NIGHT);
            case "号" -> String.valueOf(1 + r.nextInt(30));
            case "孩" -> pick(new String[]{"儿子", "女儿", "孩子", "小孩", "孙子", "外孙女"});
            default -> throw new IllegalArgumentException("unknown placeholder {" + key + "}");
        };
    }

    private String area(String city) {
        return city + (random.nextInt(12) == 0 ? "经济开发区" : letter(city) + (1 + random.nextInt(9)) + "区");
    }

    private static String letter(String city) {
        return city.substring(0, 1);
    }

    private String estate() {
        String head = pick(ESTATE_HEADS);
        String tail = pick(ESTATE_TAILS);
        String name = head + tail;
        return tail.equals("小区") || random.nextInt(3) > 0 ? name : name + "小区";
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}

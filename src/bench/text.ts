import type { Draw } from "./random.ts";

/**
 * Fictional Chinese text of realistic length for the benchmark: sentences assembled from
 * phrase pools, so pages, search index and downloads carry text like the real registers'
 * (varied characters, punctuation, place words). Numbers stay small and never look like a
 * phone or ID number, so the privacy guard has nothing to find.
 */

/** Fictional place words: a township, a village or road, a landmark. */
const TOWNSHIPS = [
  "青石镇",
  "白果乡",
  "桂花镇",
  "龙池镇",
  "清溪镇",
  "双河乡",
  "金山镇",
  "石梯镇",
  "罗汉镇",
  "新场镇",
  "高桥镇",
  "柳江镇",
  "黄丹镇",
  "杨湾乡",
  "九里镇",
  "苏稽镇",
  "马踏镇",
  "茶园乡",
  "竹根镇",
  "太平镇",
];
const PLACES = [
  "沿河一段",
  "老街背后",
  "工业园区东侧",
  "二组安置点附近",
  "村道转角处",
  "农贸市场旁",
  "小学对面",
  "河滩空地",
  "高速出口附近",
  "山脚采石场",
  "水库上游",
  "居民小区后门",
];
const STREETS = [
  "滨河路",
  "新华街",
  "人民路",
  "学府路",
  "工业大道",
  "东风巷",
  "凤凰路",
  "嘉州大道",
];

export function township(draw: Draw): string {
  return draw.pick(TOWNSHIPS);
}

/** A place precise enough to find, without any private address: county, township, village, spot. */
export function place(draw: Draw, county: string): { township: string; text: string } {
  const town = draw.pick(TOWNSHIPS);
  const village = draw.pick(["一村", "二村", "红星村", "河坝村", "新农村", "石桥村", ""]);
  return { township: town, text: `${county}${town}${village}${draw.pick(PLACES)}` };
}

const SUBJECTS: Record<string, readonly string[]> = {
  水: ["生活污水直排", "养殖废水入河", "河道黑臭", "入河排污口未整治", "饮用水源地周边违建"],
  大气: ["工地扬尘", "露天焚烧秸秆", "砂石加工粉尘", "餐饮油烟扰民", "工业废气无组织排放"],
  土壤: ["废渣随意堆放", "尾矿渗漏", "农田被污水浸泡", "废旧电池填埋"],
  噪声: ["夜间施工噪声", "加工厂设备噪声", "广场音响扰民", "货车夜间鸣笛"],
  固体废物: ["建筑垃圾乱倒", "生活垃圾堆积", "危险废物违规贮存", "河岸垃圾成堆"],
  生态: ["非法采砂", "毁林开荒", "侵占河道建房", "保护区内违规建设"],
  其他: ["畜禽尸体乱扔", "废弃厂房遗留污染", "洗车废水漫流"],
};

export function exposureTitle(draw: Draw, category: string, township: string): string {
  const subjects = SUBJECTS[category] ?? SUBJECTS["其他"] ?? [];
  return `${township}${draw.pick(["", "沿河", "村道旁", "园区内", "集镇上"])}${draw.pick(subjects)}`;
}

const PROBLEM_SENTENCES = [
  "记者现场看到,{p}一带{s},周边群众反映问题已经持续了一年多。",
  "附近居民说,天一热气味就更重,晚上不敢开窗,老人和孩子咳嗽的多了。",
  "排口附近的水体颜色发黑,水面漂着泡沫和油花,下游还有群众在洗菜洗衣。",
  "现场没有任何围挡和喷淋设施,运输车辆进出带泥上路,路面积了厚厚一层灰。",
  "村民多次向村委会和镇上反映,得到的答复都是“正在协调”,问题一直没有解决。",
  "企业负责人承认没有办理环评手续,说是“先干起来再补”,相关部门也没有制止。",
  "堆放点紧挨着灌溉渠,下雨时渗滤液顺着渠水流进农田,秧苗出现发黄枯死。",
  "夜里十点以后机器还在运转,轰鸣声隔着几百米都听得见,居民整夜睡不好觉。",
  "执法人员此前曾下达过整改通知,但企业只是做了表面文章,很快又恢复原样。",
  "河道两岸原本种着树,现在被推平做了堆场,河床也被挖得坑坑洼洼。",
  "垃圾在路边越堆越高,蚊蝇成群,离最近的住户只有二三十米。",
  "记者暗访发现,企业在白天停产应付检查,晚上再偷偷开工排放。",
  "据了解,这一带是{c}的重点管控区域,按规定不允许新建此类项目。",
  "当地干部表示知道这个情况,但涉及多个部门,一时难以理清责任。",
  "周边几个村的群众联名写信反映,希望有关部门尽快查处,还大家一片清净。",
  "节目播出前,记者把线索转给了主管部门,现场核实情况基本属实。",
  "从无人机拍摄的画面看,污染范围已经扩大到上游的一片林地。",
  "企业门口的在线监测设备长期处于离线状态,数据无法上传。",
];

const MEASURE_SENTENCES = [
  "{u}接到交办后当即成立工作专班,主要负责人带队到现场核查。",
  "责令企业立即停产整改,拆除违规设施,并依法立案处罚。",
  "对沿线排口逐一排查登记,封堵雨污混接点,生活污水全部接入市政管网。",
  "建设围挡和喷淋降尘设施,出入口设置车辆冲洗平台,道路每天定时洒水清扫。",
  "清运堆放的垃圾和废渣,对场地进行平整覆土,种植树木恢复植被。",
  "聘请第三方机构对受污染的土壤和水体进行检测,制定分步治理方案。",
  "将该点位纳入日常巡查,镇村两级每周巡查不少于两次,发现问题及时处理。",
  "对履职不力的相关责任人进行约谈,并在全县范围内开展同类问题排查。",
  "督促企业完善环评手续,安装在线监测设备并与主管部门联网。",
  "疏浚河道,清除淤泥,沿岸新建截污管道,水质明显好转。",
  "设置公示牌,公开整改责任人和举报方式,接受群众监督。",
  "整改完成后邀请附近群众代表参与现场验收,群众表示满意。",
];

const LETTER_SENTENCES = [
  "我是{t}的居民,想反映一个困扰我们很久的问题。",
  "{p}这段路坑坑洼洼,一下雨就全是积水,老人孩子出行很不方便。",
  "小区旁边的路灯坏了大半年,晚上黑漆漆的,已经有人摔倒受伤。",
  "孩子今年要上小学,按片区划分应该读附近的学校,但报名时被告知名额已满。",
  "村里的自来水经常停,一停就是好几天,家家户户只能去挑井水。",
  "公交车班次太少,早上一趟晚上一趟,进城看病要等大半天。",
  "我们单元楼交房已经三年了,房产证一直办不下来,开发商总说在走程序。",
  "老旧小区改造施工拖了很久,楼道里堆满建材,消防通道被堵住。",
  "家里老人的养老保险待遇认证每年都要跑几趟,希望能在网上或者村里办理。",
  "附近新开了一家加工厂,每天晚上机器响到很晚,气味也很大。",
  "卫生院的医生太少,看个小病要排很久的队,周末还经常不开门。",
  "农村公路修好后没有人管护,路边杂草长到半人高,会车很危险。",
  "去窗口办事,材料要求一次没说清楚,来回跑了好几趟。",
  "希望领导能够重视,派人实地看一看,早日帮我们解决。",
  "这个问题我们也向村里和镇上反映过,但一直没有明确的答复。",
  "恳请有关部门把这件实事办好,谢谢书记百忙之中看信。",
];

const REPLY_SENTENCES = [
  "您好!来信收悉,感谢您对我们工作的关心和监督。",
  "{u}接到转办后,立即安排工作人员到现场实地查看,您反映的情况基本属实。",
  "目前已制定整改方案,计划在近期完成施工,届时将恢复正常通行。",
  "经与相关单位协调,已增设公交班次,新的时刻表将在站台张贴公示。",
  "关于入学问题,教育部门将按照片区划分政策统筹安排,确保适龄儿童就近入学。",
  "我们已督促开发商和相关部门加快办理,预计下个季度内可以办结。",
  "生态环境部门已对该企业进行检查,责令其限期整改,并将持续跟踪。",
  "已将该路段纳入今年的维修计划,施工期间请注意绕行。",
  "养老保险待遇认证现在可以通过手机办理,社区工作人员也可以上门协助。",
  "如您还有其他意见和建议,欢迎通过信箱继续反映。",
  "再次感谢您的来信,我们将举一反三,把类似问题一并排查解决。",
];

function fill(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{(\w)\}/g, (_, key: string) => values[key] ?? "");
}

/** Sentences from `pool`, none repeated, until the text reaches `length` characters. */
function paragraph(
  draw: Draw,
  pool: readonly string[],
  length: number,
  values: Record<string, string>,
): string {
  const used = new Set<number>();
  let text = "";
  while (text.length < length && used.size < pool.length) {
    const index = draw.int(0, pool.length - 1);
    if (used.has(index)) continue;
    used.add(index);
    text += fill(pool[index] ?? "", values);
  }
  return text;
}

export function problemText(
  draw: Draw,
  length: number,
  values: { place: string; subject: string; county: string },
): string {
  return paragraph(draw, PROBLEM_SENTENCES, length, {
    p: values.place,
    s: values.subject,
    c: values.county,
  });
}

export function measuresText(draw: Draw, length: number, unit: string): string {
  return paragraph(draw, MEASURE_SENTENCES, length, { u: unit });
}

export function letterText(
  draw: Draw,
  length: number,
  values: { township: string; place: string },
): string {
  return paragraph(draw, LETTER_SENTENCES, length, { t: values.township, p: values.place });
}

export function replyText(draw: Draw, length: number, unit: string): string {
  return paragraph(draw, REPLY_SENTENCES, length, { u: unit });
}

export function street(draw: Draw): string {
  return draw.pick(STREETS);
}

/**
 * Generic lexicons for recognising member-facing services in union plans. They name kinds of
 * benefit, beneficiaries and internal work — never a particular plan's places or projects.
 */

export interface CategoryRule {
  category: string;
  /** Words that make a clause about this kind of service. */
  re: RegExp;
}

// Order breaks ties when two keywords start at the same place.
export const CATEGORY_RULES: CategoryRule[] = [
  { category: '商户优惠', re: /商户|商家|特约|折扣|打折|优惠(?!政策)|商惠|消费券|让利/ },
  { category: '保险', re: /保险|互助保障|意外伤害/ },
  { category: '医疗互助', re: /大病|重病|住院|医疗互助|医药费|特病|重大疾病|医疗救助|大病救助|因病致贫/ },
  { category: '体检', re: /体检|健康检查|体质测试|筛查/ },
  { category: '婚恋交友', re: /婚恋|交友|联谊|相亲|单身|佳缘|红娘|鹊桥/ },
  { category: '心理关爱', re: /心理/ },
  { category: '法律援助', re: /法律援助|法律服务|法律咨询|维权服务|法援|律师|法律体检|劳动争议调解/ },
  { category: '子女教育', re: /托管|暑托|寒托|暑期学堂|助学|子女|考入大学|金秋/ },
  {
    category: '阵地设施',
    re: /书屋|书吧|驿站|接力站|妈咪小屋|妈妈小屋|爱心小屋|母婴室|哺乳室|职工小家|职工之家|教工之家|家园|服务站|服务点|服务中心|服务窗口|活动中心|活动阵地|文化宫|学堂|休息室|食堂|健身房|活动室|阅览室/,
  },
  { category: '疗休养', re: /疗休养|休养|疗养|荣誉观光/ },
  { category: '女职工关爱', re: /女职工|女工|妇女节|三八|孕期|哺乳期|育龄/ },
  { category: '就业服务', re: /(?<!新)就业(?!形态)|招聘|创业|转岗/ },
  { category: '技能培训', re: /培训|技能|技术比武|岗位练兵|学历|大讲堂|课堂|讲座|职业技能|工匠学院|素质提升/ },
  { category: '帮扶救助', re: /帮扶|救助|探视|送温暖|送清凉|慰问|补助|补贴|解困|脱困|救济|探望|帮困|慈善/ },
  {
    category: '文体',
    re: /文体|文艺|体育|运动|比赛|演出|读书|摄影|健身|球|联欢|晚会|观影|一日游|春游|秋游|书画|歌咏|拔河|棋|工间操|游园|节日活动|庆祝|观光|登山|健步|徒步|踏青|采风|趣味/,
  },
  { category: '普惠服务', re: /会员卡|服务卡|普惠|福利|会员日|惠工/ },
];

export const FACILITY_RE =
  /([\u4e00-\u9fa5]{0,8}(?:书屋|书吧|驿站|接力站|小屋|母婴室|哺乳室|职工小家|职工之家|教工之家|家园|服务站|服务点|活动中心|学堂|休息室|基地|托管班|暑托班|工作室|食堂|健身房|活动室|阅览室))/;

/** Beneficiary nouns: a clause about them is about members. */
export const BENEFICIARY_RE =
  /职工|会员|员工|群众|农民工|女工|教职工|教师|劳模|工匠|一线|单身|子女|家属|群体|医务人员|医护|户外劳动者|快递|司机|外卖|送餐|新就业形态|青年|退休/;

export const DELIVER_RE =
  /组织|做好|做实|实施|发放|赠送|慰问|组织.{0,24}参加|举办|新建|新增|建成|建设.{0,4}\d|挂牌|开展|提供|免费|资助|补助|救助|落实.{0,6}(待遇|补贴)|安排|办理|为.{0,30}(提供|发放|赠送|办理|送)|开办|开设|推出|送/;

/** Strong signals of party-building, ideology, internal management, organisation building, publicity. */
export const INTERNAL_RE =
  /总体要求|指导思想|理论|(负责人|骨干|干部|主席|委员)[^，,。]{0,4}培训|建立[^，,。]{0,8}制度|党建|党的建设|党组|党风|廉政|从严治党|主题教育|意识形态|理论武装|政治引领|思想引领|思想政治|习近平|党的十[一二三四五六七八九]?大|十[七八九]大|十[七八九]届|二十大|二十届|党史|创先争优|建功立业|劳动竞赛|合理化建议|初心|学习贯彻|贯彻落实.{0,10}(精神|部署)|宣传教育|舆论|宣讲|网评|舆情|新媒体|经费|预算|决算|财务|审计|经审|资产|收缴|建会|入会|组建|换届|工会干部|干部队伍|干部培训|工会主席|工作者队伍|考核|督查|调研|调查研究|课题|理论研究|集体协商|职代会|教代会|职工代表|厂务公开|校务公开|矿务公开|民主管理|民主评议|联席会议|规章制度|工作制度|工作机制|指导基层|试点|信息工作|安全生产|隐患|监督检查|劳动关系|组织建设|队伍建设|自身建设|制度化|规范化建设|网上工会|智慧工会|信息化|数据库|实名制|专项督查|反腐|作风/;

/** Weaker hints of non-service work (contests, publicity). */
export const WEAK_INTERNAL_RE =
  /档案|统计|台账|台帐|评选|表彰|命名|选树|推荐|先进典型|劳动竞赛|(?<!体育|文体|运动)竞赛|宣传|引导|氛围|品牌|机制|体系|部署|精神|号召|动员|倡导/;

/** Words that make a clause a promise rather than a goal or an attitude. */
export const CONCRETE_RE = /\d|[一二两三四五六七八九十百千万]+(名|人|元|个|家|场|期|次|所)|免费|每人|每户|每名|一次性/;

/** Reports of work already done (a 总结, not a plan): "举办了…", "共计86人次参加", "涌现出". */
export const PAST_RE =
  /(举办|发放|组织|开展|探望|走访|办理|进行|参加|召开|成立|制作|制定|表彰|书写|获得|取得|完成|印制|聘用|评选)了|共计|涌现出|上半年|获得了|取得了/;

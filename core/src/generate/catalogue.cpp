// The tables a generated county is drawn from. Departments are those that inspect
// enterprises in a Zhejiang or Jiangsu county (the seeds name most of them: 001 三.2 lists
// 综合执法、市场监管、生态环境、应急管理、消防 …; 003 二(一) the city bureaus). Items are
// invented but plausible; their kinds (the same-kind groups of 003 二(三)) are shared where
// departments' work overlaps in practice — fire safety (fire brigade, town teams), work
// safety (emergency management, town teams), gas (housing and construction, comprehensive
// enforcement, town teams), hazardous chemicals (emergency management, transport, public
// security), environment (ecology, agriculture, comprehensive enforcement, economy) — and a
// city's bureau carries the same items as the district's, so the cross-level (003 二(四))
// and same-kind (003 二(三)) rules have something to bite on.
#include "generate/catalogue.hpp"

#include "inspectonce/generate.hpp"


namespace inspectonce::generate_detail {
namespace {

// The first 16 are the default county set, in the order the issue lists them.
constexpr DepartmentTemplate kDepartments[] = {
    {"market-supervision", "市场监管局", "Market Supervision Bureau", "市市场监管局", "Municipal Market Supervision Bureau",
     "food-safety special-equipment quality pricing drugs"},
    {"emergency-management", "应急管理局", "Emergency Management Bureau", "市应急管理局", "Municipal Emergency Management Bureau",
     "industrial-safety hazardous-chemicals"},
    {"ecology-environment", "生态环境分局", "Ecology and Environment Branch", "市生态环境局", "Municipal Ecology and Environment Bureau",
     "pollution-control monitoring"},
    {"fire-rescue", "消防救援大队", "Fire and Rescue Brigade", "市消防救援支队", "Municipal Fire and Rescue Detachment", ""},
    {"health", "卫生健康局", "Health Bureau", "市卫生健康委", "Municipal Health Commission", "occupational-health public-health"},
    {"human-resources", "人力社保局", "Human Resources and Social Security Bureau", "市人力社保局",
     "Municipal Human Resources and Social Security Bureau", "labour-inspection"},
    {"taxation", "税务局", "Taxation Bureau", "市税务局", "Municipal Taxation Bureau", "inspection"},
    {"housing-construction", "住建局", "Housing and Urban-Rural Development Bureau", "市住建局",
     "Municipal Housing and Urban-Rural Development Bureau", "construction-safety construction-quality gas"},
    {"transport", "交通运输局", "Transport Bureau", "市交通运输局", "Municipal Transport Bureau", "road-transport waterway"},
    {"agriculture", "农业农村局", "Agriculture and Rural Affairs Bureau", "市农业农村局", "Municipal Agriculture and Rural Affairs Bureau",
     "agri-inputs produce-quality"},
    {"culture-tourism", "文广旅体局", "Culture, Tourism and Sports Bureau", "市文广旅局", "Municipal Culture and Tourism Bureau",
     "culture-market tourism"},
    {"natural-resources", "自然资源局", "Natural Resources Bureau", "市自然资源局", "Municipal Natural Resources Bureau", "land mining"},
    {"water-resources", "水利局", "Water Resources Bureau", "市水利局", "Municipal Water Resources Bureau", ""},
    {"commerce", "商务局", "Commerce Bureau", "市商务局", "Municipal Commerce Bureau", ""},
    {"comprehensive-enforcement", "综合行政执法局", "Comprehensive Administrative Law Enforcement Bureau", "市综合行政执法局",
     "Municipal Comprehensive Administrative Law Enforcement Bureau", "urban planning"},
    {"urban-management", "城市管理局", "Urban Management Bureau", "市城市管理局", "Municipal Urban Management Bureau", ""},
    {"economy-information", "经信局", "Economy and Information Technology Bureau", "市工信局",
     "Municipal Industry and Information Technology Bureau", ""},
    {"public-security", "公安局", "Public Security Bureau", "市公安局", "Municipal Public Security Bureau", "public-order"},
    {"statistics", "统计局", "Statistics Bureau", "市统计局", "Municipal Statistics Bureau", ""},
    {"meteorology", "气象局", "Meteorological Bureau", "市气象局", "Municipal Meteorological Bureau", ""},
    {"medical-security", "医保局", "Medical Security Bureau", "市医保局", "Municipal Medical Security Bureau", ""},
};

// 3 to 6 items a department; every department has an on-site item.
//   department, id, zh, en, kind, unit, on-site, non-site, delegable, sectors
constexpr ItemTemplate kItems[] = {
    {"market-supervision", "food-production", "食品生产经营条件", "food production and trade conditions", "food-safety", "food-safety", true, false, false, "food catering retail hospitality"},
    {"market-supervision", "food-label", "食品标签标识", "food labelling", "food-safety", "food-safety", true, true, false, "food retail"},
    {"market-supervision", "special-equipment", "特种设备安全", "special equipment safety", "special-equipment", "special-equipment", true, false, false, "machinery wood chemicals food materials energy logistics hospitality"},
    {"market-supervision", "product-quality", "产品质量", "product quality", "product-quality", "quality", true, true, false, "machinery wood textiles electronics materials food"},
    {"market-supervision", "price-display", "明码标价", "price display", "pricing", "pricing", true, true, true, "retail catering hospitality personal-services auto-repair"},
    {"market-supervision", "drug-trade", "药品经营质量", "drug trading quality", "drugs", "drugs", true, false, false, "medical"},

    {"emergency-management", "work-safety-routine", "安全生产日常检查", "routine work-safety inspection", "work-safety", "industrial-safety", true, false, true, ""},
    {"emergency-management", "dust-explosion", "粉尘涉爆", "combustible dust", "work-safety", "industrial-safety", true, false, false, "wood machinery food textiles"},
    {"emergency-management", "confined-space", "有限空间作业", "confined-space work", "work-safety", "industrial-safety", true, false, false, "food chemicals materials agriculture"},
    {"emergency-management", "hazardous-chemicals", "危险化学品安全", "hazardous chemicals safety", "hazardous-chemicals", "hazardous-chemicals", true, false, false, "chemicals energy"},
    {"emergency-management", "safety-training", "安全培训记录", "safety training records", "work-safety", "industrial-safety", false, true, false, ""},

    {"ecology-environment", "discharge-permit", "排污许可", "discharge permit", "environment", "pollution-control", true, true, false, ""},
    {"ecology-environment", "online-monitoring", "在线监测数据", "online monitoring data", "environment", "monitoring", false, true, false, "chemicals materials food machinery textiles"},
    {"ecology-environment", "hazardous-waste", "危险废物管理", "hazardous waste", "hazardous-waste", "pollution-control", true, false, false, "chemicals machinery medical auto-repair electronics"},
    {"ecology-environment", "impact-assessment", "环评与验收", "environmental impact assessment", "environment", "pollution-control", true, true, false, ""},
    {"ecology-environment", "voc-control", "挥发性有机物治理", "VOC control", "environment", "pollution-control", true, false, false, "chemicals wood auto-repair textiles"},

    {"fire-rescue", "fire-routine", "消防安全日常检查", "routine fire safety", "fire-safety", "", true, false, true, ""},
    {"fire-rescue", "fire-facilities", "消防设施维护", "fire-fighting facilities", "fire-safety", "", true, true, false, ""},
    {"fire-rescue", "evacuation", "疏散通道", "evacuation routes", "fire-safety", "", true, false, true, ""},
    {"fire-rescue", "crowded-places", "人员密集场所", "crowded places", "fire-safety", "", true, false, false, "retail catering entertainment hospitality"},

    {"health", "occupational-hazards", "职业病危害防治", "occupational hazards", "occupational-health", "occupational-health", true, true, false, "wood machinery chemicals textiles materials electronics"},
    {"health", "public-place-hygiene", "公共场所卫生", "public place hygiene", "public-health", "public-health", true, false, true, "hospitality entertainment personal-services retail"},
    {"health", "drinking-water", "生活饮用水卫生", "drinking water hygiene", "public-health", "public-health", true, false, false, "food hospitality"},
    {"health", "medical-practice", "医疗机构执业", "medical practice", "medical-practice", "public-health", true, false, false, "medical"},

    {"human-resources", "labour-contracts", "劳动合同", "labour contracts", "labour", "labour-inspection", true, true, false, ""},
    {"human-resources", "wage-payment", "工资支付", "wage payment", "labour", "labour-inspection", true, true, false, "construction textiles wood machinery"},
    {"human-resources", "working-hours", "工时与休息休假", "working hours and leave", "labour", "labour-inspection", true, false, false, ""},
    {"human-resources", "social-insurance", "社会保险缴纳", "social insurance contributions", "social-insurance", "labour-inspection", false, true, false, ""},

    {"taxation", "invoices", "发票管理", "invoices", "tax", "inspection", true, true, false, ""},
    {"taxation", "tax-declaration", "纳税申报", "tax declarations", "tax", "inspection", false, true, false, ""},
    {"taxation", "tax-registration", "税务登记", "tax registration", "tax", "inspection", true, true, true, ""},

    {"housing-construction", "site-safety", "施工现场安全", "construction site safety", "construction-safety", "construction-safety", true, false, false, "construction"},
    {"housing-construction", "project-quality", "工程质量", "construction quality", "construction-quality", "construction-quality", true, false, false, "construction"},
    {"housing-construction", "qualification", "建筑业企业资质", "construction qualifications", "construction-qualification", "construction-quality", true, true, false, "construction"},
    {"housing-construction", "gas-operation", "燃气经营", "gas supply operations", "gas", "gas", true, false, false, "energy"},
    {"housing-construction", "gas-use", "燃气使用安全", "gas use safety", "gas", "gas", true, false, true, "catering hospitality food"},

    {"transport", "road-transport", "道路运输安全", "road transport safety", "transport-safety", "road-transport", true, true, false, "logistics"},
    {"transport", "vehicle-repair", "机动车维修", "vehicle repair", "vehicle-repair", "road-transport", true, false, false, "auto-repair"},
    {"transport", "dangerous-goods", "危险货物运输", "dangerous goods transport", "hazardous-chemicals", "road-transport", true, false, false, "chemicals energy logistics"},
    {"transport", "waterway", "水路运输", "waterway transport", "transport-safety", "waterway", true, false, false, "logistics materials"},

    {"agriculture", "pesticides", "农药经营", "pesticide trade", "agri-inputs", "agri-inputs", true, false, false, "agriculture retail"},
    {"agriculture", "veterinary-drugs", "兽药饲料", "veterinary drugs and feed", "agri-inputs", "agri-inputs", true, false, false, "agriculture"},
    {"agriculture", "farm-produce", "农产品质量安全", "farm produce quality", "food-safety", "produce-quality", true, true, false, "agriculture food"},
    {"agriculture", "livestock-waste", "畜禽粪污治理", "livestock waste", "environment", "produce-quality", true, false, false, "agriculture"},

    {"culture-tourism", "entertainment-venues", "娱乐场所", "entertainment venues", "culture-market", "culture-market", true, false, false, "entertainment"},
    {"culture-tourism", "internet-cafes", "上网服务场所", "internet cafés", "culture-market", "culture-market", true, true, false, "entertainment"},
    {"culture-tourism", "travel-agencies", "旅行社经营", "travel agencies", "tourism", "tourism", true, true, false, "hospitality"},
    {"culture-tourism", "tourism-safety", "旅游安全", "tourism safety", "tourism", "tourism", true, false, false, "hospitality"},
    {"culture-tourism", "sports-venues", "高危险性体育场所", "high-risk sports venues", "sports-venues", "culture-market", true, false, false, "entertainment hospitality"},

    {"natural-resources", "land-use", "土地利用", "land use", "land-use", "land", true, true, false, ""},
    {"natural-resources", "mining-rights", "矿业权", "mining rights", "mining", "mining", true, false, false, "materials"},
    {"natural-resources", "surveying", "测绘资质", "surveying qualifications", "surveying", "land", false, true, false, "construction"},

    {"water-resources", "water-abstraction", "取水许可", "water abstraction", "water-use", "", true, true, false, "food agriculture materials chemicals textiles"},
    {"water-resources", "soil-conservation", "水土保持", "soil and water conservation", "water-soil", "", true, false, false, "construction materials agriculture"},
    {"water-resources", "river-sand", "河道采砂", "river sand", "river-management", "", true, false, false, "materials"},

    {"commerce", "refined-oil", "成品油经营", "refined oil trade", "refined-oil", "", true, false, false, "energy"},
    {"commerce", "prepaid-cards", "单用途预付卡", "prepaid cards", "prepaid-cards", "", true, true, false, "retail personal-services catering"},
    {"commerce", "recycling", "再生资源回收", "recycling", "recycling", "", true, false, false, "retail logistics"},
    {"commerce", "plastics", "塑料污染治理", "plastic reduction", "plastics", "", true, true, true, "retail catering"},

    {"comprehensive-enforcement", "outdoor-ads", "户外广告", "outdoor advertising", "city-appearance", "urban", true, false, true, ""},
    {"comprehensive-enforcement", "construction-waste", "建筑垃圾处置", "construction waste", "construction-waste", "urban", true, false, false, "construction logistics"},
    {"comprehensive-enforcement", "illegal-building", "违法建设", "illegal building", "planning", "planning", true, true, false, ""},
    {"comprehensive-enforcement", "kitchen-fumes", "餐饮油烟", "kitchen fumes", "environment", "urban", true, false, false, "catering"},
    {"comprehensive-enforcement", "bottled-gas", "瓶装燃气", "bottled gas", "gas", "urban", true, false, true, "catering"},

    {"urban-management", "shop-front", "门前三包", "shop frontage duties", "city-appearance", "", true, false, true, "retail catering auto-repair personal-services"},
    {"urban-management", "waste-sorting", "垃圾分类", "waste sorting", "waste-sorting", "", true, true, false, ""},
    {"urban-management", "municipal-facilities", "占用市政设施", "use of municipal facilities", "city-appearance", "", true, false, false, ""},

    {"economy-information", "energy-saving", "节能监察", "energy-saving supervision", "energy", "", true, true, false, "machinery chemicals materials textiles electronics food"},
    {"economy-information", "cleaner-production", "清洁生产审核", "cleaner production audit", "environment", "", true, true, false, "chemicals textiles materials"},
    {"economy-information", "wall-materials", "新型墙体材料", "wall materials", "product-quality", "", true, false, false, "materials construction"},

    {"public-security", "explosives", "危爆物品", "explosives and toxic chemicals", "hazardous-chemicals", "public-order", true, false, false, "chemicals materials energy"},
    {"public-security", "internal-security", "单位内部治安保卫", "internal security", "security", "public-order", true, true, false, ""},
    {"public-security", "hotel-registration", "旅馆业治安", "hotel security", "security", "public-order", true, true, false, "hospitality"},

    {"statistics", "statistical-data", "统计数据质量", "statistical data quality", "statistics", "", true, true, false, ""},
    {"statistics", "statistical-ledgers", "统计台账", "statistical ledgers", "statistics", "", false, true, false, ""},
    {"statistics", "survey-cooperation", "统计调查配合", "cooperation with statistical surveys", "statistics", "", true, false, false, ""},

    {"meteorology", "lightning-protection", "防雷安全", "lightning protection", "lightning", "", true, false, true, "chemicals energy materials"},
    {"meteorology", "lightning-tests", "防雷装置检测", "lightning device tests", "lightning", "", false, true, false, "chemicals energy materials"},
    {"meteorology", "balloons", "升放气球", "balloon release", "balloons", "", true, false, false, "entertainment retail"},

    {"medical-security", "fund-use", "医保基金使用", "medical insurance fund use", "medical-insurance", "", true, true, false, "medical"},
    {"medical-security", "drug-prices", "医药价格", "drug prices", "drug-prices", "", false, true, false, "medical"},
    {"medical-security", "designated-pharmacies", "定点零售药店", "designated pharmacies", "medical-insurance", "", true, false, false, "medical retail"},
};

// A town's enforcement team (乡镇综合行政执法队) inspects what is delegated to it: its kinds
// are the county bureaus', so its inspections and theirs are the same kind at another level.
constexpr ItemTemplate kTownItems[] = {
    {"town", "fire-patrol", "消防安全巡查", "fire safety patrol", "fire-safety", "", true, false, true, ""},
    {"town", "work-safety-patrol", "安全生产巡查", "work-safety patrol", "work-safety", "", true, false, true, ""},
    {"town", "shop-front", "门前三包", "shop frontage duties", "city-appearance", "", true, false, true, "retail catering auto-repair personal-services"},
    {"town", "bottled-gas", "瓶装燃气使用", "bottled gas use", "gas", "", true, false, true, "catering hospitality"},
    {"town", "waste-sorting", "垃圾分类", "waste sorting", "waste-sorting", "", true, true, false, ""},
};

// Industries and their shares of a county's enterprises (‰, summing to 1000): trade and
// catering are the most numerous and mostly individual businesses; manufacturing (wood and
// toys — Yunhe's trade — machinery, textiles, food) holds most of the above-scale ones.
// Affinities: which departments plan inspections of such an enterprise, by weight.
constexpr Industry kIndustries[] = {
    {"retail", "批发零售", 220, 450, 0, 30, false, {"商贸", "贸易", "超市", "百货"},
     {{"market-supervision", 40}, {"commerce", 12}, {"fire-rescue", 15}, {"taxation", 8}, {"urban-management", 8}, {"town", 10}, {"comprehensive-enforcement", 5}}},
    {"catering", "餐饮服务", 120, 600, 0, 10, false, {"餐饮", "饭店", "小吃", "酒楼"},
     {{"market-supervision", 40}, {"fire-rescue", 15}, {"health", 8}, {"urban-management", 8}, {"comprehensive-enforcement", 10}, {"housing-construction", 6}, {"town", 10}}},
    {"food", "食品加工", 60, 100, 0, 200, false, {"食品", "粮油", "茶业", "酒业"},
     {{"market-supervision", 40}, {"health", 8}, {"fire-rescue", 12}, {"ecology-environment", 12}, {"emergency-management", 10}, {"human-resources", 6}, {"agriculture", 5}, {"water-resources", 3}}},
    {"wood", "木制品及玩具制造", 80, 50, 0, 180, false, {"木制品", "玩具", "家具", "竹木"},
     {{"emergency-management", 20}, {"fire-rescue", 20}, {"ecology-environment", 15}, {"market-supervision", 15}, {"human-resources", 10}, {"economy-information", 5}, {"statistics", 4}, {"health", 6}}},
    {"machinery", "机械制造", 80, 30, 0, 220, false, {"机械", "阀门", "五金", "机电"},
     {{"market-supervision", 20}, {"emergency-management", 20}, {"fire-rescue", 15}, {"ecology-environment", 12}, {"human-resources", 10}, {"economy-information", 8}, {"statistics", 5}, {"health", 6}}},
    {"chemicals", "化工", 25, 0, 0, 300, true, {"化工", "涂料", "新材料", "化学"},
     {{"emergency-management", 30}, {"ecology-environment", 25}, {"fire-rescue", 15}, {"transport", 5}, {"public-security", 8}, {"meteorology", 5}, {"market-supervision", 5}, {"economy-information", 4}}},
    {"textiles", "纺织服装", 50, 80, 0, 150, false, {"纺织", "服饰", "鞋业", "针织"},
     {{"human-resources", 20}, {"fire-rescue", 20}, {"ecology-environment", 15}, {"emergency-management", 10}, {"market-supervision", 15}, {"taxation", 5}, {"health", 5}}},
    {"construction", "建筑施工", 50, 0, 0, 120, false, {"建设", "建筑工程", "装饰工程", "市政工程"},
     {{"housing-construction", 40}, {"emergency-management", 12}, {"human-resources", 15}, {"natural-resources", 8}, {"comprehensive-enforcement", 8}, {"water-resources", 4}, {"ecology-environment", 5}}},
    {"logistics", "交通物流", 50, 200, 0, 80, false, {"物流", "运输", "仓储", "货运"},
     {{"transport", 40}, {"fire-rescue", 20}, {"emergency-management", 12}, {"commerce", 4}, {"comprehensive-enforcement", 4}}},
    {"agriculture", "农业种养", 50, 200, 300, 40, false, {"农业", "生态农场", "养殖", "果蔬"},
     {{"agriculture", 45}, {"water-resources", 10}, {"natural-resources", 10}, {"ecology-environment", 12}, {"market-supervision", 8}}},
    {"entertainment", "文化娱乐", 25, 300, 0, 20, false, {"文化传媒", "娱乐", "网络会所", "体育"},
     {{"culture-tourism", 40}, {"fire-rescue", 25}, {"public-security", 10}, {"health", 10}, {"meteorology", 2}}},
    {"hospitality", "住宿旅游", 40, 350, 0, 50, false, {"酒店", "民宿", "旅行社", "旅游开发"},
     {{"culture-tourism", 25}, {"health", 15}, {"fire-rescue", 25}, {"market-supervision", 15}, {"public-security", 10}, {"housing-construction", 4}}},
    {"medical", "医药医疗", 20, 100, 0, 150, true, {"医药", "医疗器械", "大药房", "生物科技"},
     {{"market-supervision", 40}, {"health", 25}, {"medical-security", 20}, {"ecology-environment", 5}}},
    {"electronics", "电子信息", 40, 20, 0, 200, false, {"电子", "科技", "信息技术", "光电"},
     {{"economy-information", 15}, {"human-resources", 20}, {"fire-rescue", 20}, {"ecology-environment", 10}, {"statistics", 10}, {"taxation", 10}, {"health", 5}}},
    {"materials", "矿产建材", 20, 0, 0, 250, false, {"建材", "石材", "水泥制品", "矿业"},
     {{"natural-resources", 25}, {"emergency-management", 25}, {"ecology-environment", 25}, {"water-resources", 10}, {"market-supervision", 10}, {"economy-information", 5}}},
    {"energy", "燃气能源", 10, 0, 0, 300, true, {"燃气", "能源", "石油", "加油站"},
     {{"housing-construction", 20}, {"emergency-management", 25}, {"fire-rescue", 20}, {"commerce", 15}, {"market-supervision", 15}, {"meteorology", 5}}},
    {"auto-repair", "汽车维修", 30, 400, 0, 10, false, {"汽车维修", "汽修", "汽车服务", "车业"},
     {{"transport", 35}, {"ecology-environment", 20}, {"fire-rescue", 20}, {"market-supervision", 10}, {"urban-management", 10}, {"town", 5}}},
    {"personal-services", "生活服务", 30, 600, 0, 5, false, {"美容", "美发", "洗浴", "健身"},
     {{"health", 40}, {"market-supervision", 20}, {"fire-rescue", 20}, {"commerce", 10}, {"town", 10}}},
};

// Invented towns: the first ones are the county seat's subdistricts, where most enterprises are.
constexpr Town kTowns[] = {
    {"城东街道", "Chengdong Subdistrict"}, {"城西街道", "Chengxi Subdistrict"}, {"白鹭街道", "Bailu Subdistrict"},
    {"石塘镇", "Shitang Town"}, {"云溪镇", "Yunxi Town"}, {"青岚镇", "Qinglan Town"}, {"枫林镇", "Fenglin Town"},
    {"桃源镇", "Taoyuan Town"}, {"龙潭镇", "Longtan Town"}, {"清水乡", "Qingshui Township"}, {"梅岭乡", "Meiling Township"},
    {"竹溪乡", "Zhuxi Township"}, {"金沙镇", "Jinsha Town"}, {"玉泉镇", "Yuquan Town"}, {"松岗镇", "Songgang Town"},
    {"柳湾镇", "Liuwan Town"}, {"凤鸣街道", "Fengming Subdistrict"}, {"荷塘镇", "Hetang Town"}, {"双溪镇", "Shuangxi Town"},
    {"南屏镇", "Nanping Town"}, {"北山镇", "Beishan Town"}, {"安澜镇", "Anlan Town"}, {"长乐镇", "Changle Town"},
    {"永丰镇", "Yongfeng Town"}, {"新桥街道", "Xinqiao Subdistrict"}, {"湖滨街道", "Hubin Subdistrict"},
    {"望江街道", "Wangjiang Subdistrict"}, {"东岙镇", "Dong'ao Town"}, {"西岭乡", "Xiling Township"}, {"杏坛镇", "Xingtan Town"},
    {"茶园乡", "Chayuan Township"}, {"丹枫镇", "Danfeng Town"}, {"碧湖镇", "Bihu Town"}, {"银溪镇", "Yinxi Town"},
    {"黄泥岗镇", "Huangnigang Town"}, {"马鞍镇", "Ma'an Town"}, {"紫薇街道", "Ziwei Subdistrict"}, {"鹤鸣乡", "Heming Township"},
    {"澄湖镇", "Chenghu Town"}, {"临波镇", "Linbo Town"},
};

constexpr std::string_view kBrand[] = {
    "恒", "达", "华", "兴", "盛", "鑫", "源", "泰", "宏", "瑞", "丰", "永", "金", "信", "德", "隆", "嘉", "汇", "康", "锦",
    "祥", "富", "安", "昌", "明", "新", "晨", "博", "诚", "峰", "海", "天", "宇", "正", "顺", "益", "聚", "远", "凯", "佳"};

constexpr std::string_view kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "叶"};
constexpr std::string_view kGiven[] = {"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
                                                  "涛", "明", "超", "华", "平", "刚", "建华", "晓东", "海燕", "志强", "丽萍", "国平"};

// GB/T 2260: 云和县 331125, 定海区 330902, 平阳县 330326, 源城区 441602; 无锡市's districts
// and county-level cities 320205 锡山 … 320282 宜兴. Other counties get a placeholder.
constexpr std::string_view kYunhe[] = {"331125"};
constexpr std::string_view kDinghai[] = {"330902"};
constexpr std::string_view kPingyang[] = {"330326"};
constexpr std::string_view kYuancheng[] = {"441602"};
constexpr std::string_view kWuxi[] = {"320205", "320206", "320211", "320213", "320214", "320281", "320282"};
constexpr std::string_view kOther[] = {"100000"};

}  // namespace

std::span<const DepartmentTemplate> departmentTemplates() { return kDepartments; }
std::span<const ItemTemplate> itemTemplates() { return kItems; }
std::span<const ItemTemplate> townTeamItems() { return kTownItems; }
std::span<const Industry> industries() { return kIndustries; }
std::span<const Town> towns() { return kTowns; }
std::span<const std::string_view> brandCharacters() { return kBrand; }
std::span<const std::string_view> surnames() { return kSurnames; }
std::span<const std::string_view> givenNames() { return kGiven; }

std::span<const std::string_view> divisionCodes(std::string_view county) {
    if (county == "yunhe") return kYunhe;
    if (county == "dinghai") return kDinghai;
    if (county == "pingyang") return kPingyang;
    if (county == "yuancheng") return kYuancheng;
    if (county == "wuxi") return kWuxi;
    return kOther;
}

}  // namespace inspectonce::generate_detail

namespace inspectonce {

namespace {

struct UnitName {
    std::string_view id;
    Text name;
};

// Every unit id of kDepartments.
const UnitName kUnitNames[] = {
    {"food-safety", {"食品安全监管科", "Food Safety Section"}},
    {"special-equipment", {"特种设备安全监察科", "Special Equipment Section"}},
    {"quality", {"质量监督科", "Quality Supervision Section"}},
    {"pricing", {"价格监督检查科", "Price Supervision Section"}},
    {"drugs", {"药品监管科", "Drug Supervision Section"}},
    {"industrial-safety", {"工贸安全监管科", "Industrial Safety Section"}},
    {"hazardous-chemicals", {"危险化学品监管科", "Hazardous Chemicals Section"}},
    {"pollution-control", {"污染防治科", "Pollution Control Section"}},
    {"monitoring", {"环境监测站", "Environmental Monitoring Station"}},
    {"occupational-health", {"职业健康科", "Occupational Health Section"}},
    {"public-health", {"公共卫生科", "Public Health Section"}},
    {"labour-inspection", {"劳动保障监察大队", "Labour Inspection Team"}},
    {"inspection", {"稽查局", "Tax Inspection Bureau"}},
    {"construction-safety", {"建筑安全监督站", "Construction Safety Station"}},
    {"construction-quality", {"建设工程质量监督站", "Construction Quality Station"}},
    {"gas", {"燃气管理科", "Gas Section"}},
    {"road-transport", {"道路运输管理科", "Road Transport Section"}},
    {"waterway", {"港航管理科", "Port and Waterway Section"}},
    {"agri-inputs", {"农资监管科", "Farm Inputs Section"}},
    {"produce-quality", {"农产品质量安全科", "Produce Quality Section"}},
    {"culture-market", {"文化市场执法队", "Cultural Market Enforcement Team"}},
    {"tourism", {"旅游市场科", "Tourism Market Section"}},
    {"land", {"土地执法监察科", "Land Enforcement Section"}},
    {"mining", {"矿产资源管理科", "Mineral Resources Section"}},
    {"urban", {"市容执法中队", "City Appearance Squad"}},
    {"planning", {"规划执法中队", "Planning Enforcement Squad"}},
    {"public-order", {"治安管理大队", "Public Order Brigade"}},
};

}  // namespace

const Text* generatedUnitName(std::string_view id) {
    for (const auto& unit : kUnitNames)
        if (unit.id == id) return &unit.name;
    return nullptr;
}

}  // namespace inspectonce

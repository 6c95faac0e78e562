/** Word lists for realistic sample data in a fictional city, 临江市 (Linjiang). */
export const SURNAMES = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['赵', 'zhao'],
  ['黄', 'huang'],
  ['周', 'zhou'],
  ['吴', 'wu'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['马', 'ma'],
  ['罗', 'luo'],
  ['梁', 'liang'],
  ['宋', 'song'],
  ['郑', 'zheng'],
  ['谢', 'xie'],
  ['韩', 'han'],
  ['唐', 'tang'],
  ['冯', 'feng'],
  ['许', 'xu'],
] as const

export const GIVEN_NAMES = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['华', 'hua'],
  ['建国', 'jianguo'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'],
  ['文博', 'wenbo'],
  ['雪梅', 'xuemei'],
  ['国栋', 'guodong'],
  ['丽华', 'lihua'],
  ['建华', 'jianhua'],
  ['婷', 'ting'],
  ['浩', 'hao'],
  ['宇', 'yu'],
] as const

export const BRANCHES = [
  ['chengdong', '城东区', 'Chengdong District', '城东'],
  ['chengxi', '城西区', 'Chengxi District', '城西'],
  ['jiangbei', '江北区', 'Jiangbei District', '江北'],
  ['binjiang', '滨江区', 'Binjiang District', '滨江'],
  ['gaoxin', '高新区', 'High-Tech Zone', '高新'],
  ['jingkai', '经开区', 'Economic Development Zone', '经开'],
  ['lingang', '临港县', 'Lingang County', '临港'],
  ['qingshan', '青山县', 'Qingshan County', '青山'],
  ['nanhu', '南湖县', 'Nanhu County', '南湖'],
] as const

export const STREETS = [
  '人民路',
  '解放路',
  '中山路',
  '建设大道',
  '滨江大道',
  '科技路',
  '工业园路',
  '港城大道',
  '文化路',
  '青年路',
]

export const POSITIONS = [
  '总经理',
  '副总经理',
  '办公室主任',
  '信息中心主任',
  '财务总监',
  '行政经理',
  '采购经理',
  '网络管理员',
  '副局长',
  '院长助理',
]

/** Customer name makers per industry code; `b` is the branch's short name, `full` its full name. */
export const CUSTOMER_NAMES: Record<
  string,
  ((pick: <T>(items: readonly T[]) => T, b: string, full: string) => string)[]
> = {
  government: [
    (pick) =>
      `临江市${pick(['公安局', '财政局', '教育局', '卫生健康委员会', '人力资源和社会保障局', '自然资源局', '交通运输局', '市场监督管理局', '应急管理局', '税务局'])}`,
    (_pick, _b, full) => `临江市${full}人民政府`,
    (pick, b) => `${b}${pick(['街道办事处', '行政服务中心', '城市管理局', '政务数据局'])}`,
  ],
  finance: [
    (pick, b) =>
      `${pick(['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '交通银行', '招商银行', '兴业银行', '临江农商银行'])}临江${b}支行`,
  ],
  insurance: [
    (pick, b) => `${pick(['中国人寿', '平安财险', '太平洋人寿', '泰康人寿', '人保财险'])}临江${b}营销服务部`,
  ],
  hospitality: [
    (pick) =>
      `临江${pick(['明珠', '国际', '滨江', '君悦', '锦江', '开元', '华美', '江景', '金港'])}${pick(['大酒店', '饭店', '度假酒店', '商务酒店'])}`,
  ],
  park: [
    (pick) =>
      `临江${pick(['高新技术', '智能制造', '电子信息', '生物医药', '临港物流', '软件', '文化创意'])}产业园管理委员会`,
  ],
  education: [
    (pick) => `临江市第${pick(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])}中学`,
    (_pick, b) => `${b}实验小学`,
    (pick) => `临江${pick(['职业技术学院', '大学', '师范学院', '理工学院'])}`,
  ],
  healthcare: [
    (pick) => `临江市第${pick(['一', '二', '三', '四', '五'])}人民医院`,
    (pick, b) => `${b}${pick(['妇幼保健院', '中医院', '社区卫生服务中心', '疾病预防控制中心'])}`,
  ],
  manufacturing: [
    (pick) =>
      `临江${pick(['宏达', '恒通', '华力', '精工', '东方', '鑫源', '永盛', '天成', '远航', '中正'])}${pick(['机械制造', '电子科技', '新材料', '汽车零部件', '化工', '纺织', '精密仪器'])}有限公司`,
  ],
  logistics: [
    (pick) =>
      `临江${pick(['顺通', '远达', '捷运', '港联', '安达', '通江'])}${pick(['物流有限公司', '供应链有限公司', '运输集团'])}`,
  ],
  energy: [
    (pick, b) => `${pick(['国网临江供电公司', '临江燃气集团', '临江水务集团', '临江热力公司'])}${b}营业部`,
  ],
  retail: [
    (pick) =>
      `临江${pick(['百联', '华润', '新世纪', '万家', '联华', '银泰'])}${pick(['商贸有限公司', '购物中心', '超市连锁有限公司'])}`,
  ],
  media: [(pick) => `临江${pick(['日报社', '广播电视台', '晚报社', '融媒体中心'])}`],
  military: [(pick, b) => `临江市${b}${pick(['消防救援大队', '公安分局', '武警中队'])}`],
  other: [(pick) => `临江${pick(['律师事务所', '会计师事务所', '建筑设计院', '房地产开发有限公司'])}`],
}

export const GROUP_PRODUCTS = [
  '集团V网',
  '互联网专线',
  '数字电路',
  'MPLS VPN',
  '云视讯',
  '企业宽带',
  '物联网卡',
  '移动办公',
  '400号码',
  '云主机',
]

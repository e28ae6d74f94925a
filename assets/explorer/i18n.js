// Interface language (中文 / English), the names of entities in it, and the labels of kinds and
// relation kinds, which come from the API's vocabulary.

import { gql } from './api.js';

const STRINGS = {
  zh: {
    title: '苏南创新政策知识图谱',
    brand: '苏南创新政策知识图谱',
    tagline: '苏南五份创新政策文件中的园区、机构、平台、产品、计划与产业，每条关系都附有原文依据。',
    skip: '跳到内容',
    navHome: '首页',
    navPath: '路径',
    navIndustry: '产业',
    navDocuments: '文件',
    navTargets: '目标',
    navMain: '主导航',
    language: '语言',
    searchLabel: '搜索实体',
    searchPlaceholder: '名称、繁体、拼音或英文，如 苏科贷 / sukedai',
    searchButton: '搜索',
    noSuggestions: '没有匹配的名称',
    suggestionsCount: '{n} 条建议，用上下键选择',
    matched: '匹配：{name}',
    loading: '正在加载…',
    errorTitle: '请求失败',
    errorNetwork: '无法连接服务器：{msg}',
    errorHttp: '服务器返回错误：{msg}',
    errorGraphql: '查询出错：{msg}',
    errorNotFound: '找不到该实体：{msg}',
    retry: '重试',
    notFoundPage: '没有这个页面。',
    backHome: '返回首页',
    statsTitle: '图谱概况',
    statEntities: '实体',
    statRelations: '关系',
    statQuotes: '原文引文',
    statInferred: '推断关系',
    startingPoints: '联系最多的实体',
    viewsTitle: '浏览方式',
    viewPathDesc: '两个实体之间如何关联',
    viewIndustryDesc: '谁在支持某个产业（含下位产业），可按城市筛选',
    viewDocumentsDesc: '每份文件的任务、牵头单位、目标和标注了实体的原文',
    viewTargetsDesc: '各地区、各年度的量化目标：表格与图表',
    apiTitle: '接口',
    apiGraphql: 'GraphQL（浏览器中为 GraphiQL）',
    apiSparql: 'SPARQL 1.1 查询端点',
    footer: '数据来自公开政策文件；每条关系均注明出处。',
    searchResultsTitle: '“{q}”的搜索结果',
    searchNone: '没有找到与“{q}”匹配的实体。',
    kind: '类型',
    region: '所在地区',
    names: '名称',
    zhHans: '简体',
    zhHant: '繁體',
    pinyin: '拼音',
    english: '英文',
    enEstablished: '通用译名',
    enTranslated: '本图谱译名',
    aliases: '别名（文件原文）',
    noAliases: '无',
    scriptSimplified: '简体文件',
    scriptTraditional: '繁体文件',
    relations: '关系',
    relationsCount: '共 {n} 条关系',
    noRelations: '没有关系。',
    mentionedIn: '文件中的出处',
    evidence: '依据',
    inferred: '推断',
    derived: '规则推导',
    curated: '常识补充',
    inferredNote: '推断依据：{note}',
    derivedNote: '推导规则 {rule}：{note}',
    curatorNote: '备注：{note}',
    openGraph: '在图中查看',
    findPathFrom: '从这里查找路径',
    whoSupports: '谁支持这个产业',
    openDocument: '打开文件原文',
    targetsForRegion: '该地区的量化目标',
    showMore: '显示全部 {n} 条',
    structural: '文件结构与提及',
    graphTitle: '关系图：{name}',
    graphHelp: '拖动平移、滚轮缩放；单击节点查看，双击节点展开；单击连线查看依据。',
    graphSummary: '图中有 {nodes} 个节点、{edges} 条连线',
    graphTruncated: '节点过多，图已截断。',
    hops: '层数',
    legend: '图例与筛选',
    filterKinds: '实体类型',
    filterRelations: '关系类型',
    expand: '展开邻居',
    openEntity: '打开实体页',
    fit: '适应窗口',
    reset: '只保留起点',
    selected: '已选',
    clickToSee: '单击节点或连线查看详情。',
    graphAsList: '以列表查看图中的关系',
    expandLimit: '最多同时展开 20 个实体。',
    pathTitle: '路径查找',
    pathFrom: '起点',
    pathTo: '终点',
    pathMaxHops: '最多步数',
    pathDirectOnly: '只走实体之间的直接关系（不经过文件条款与提及）',
    pathFind: '查找路径',
    pathPick: '请选择起点和终点。',
    pathNone: '在 {n} 步以内没有找到路径。',
    pathFound: '找到 {n} 条最短路径，每条 {len} 步',
    pathN: '路径 {n}',
    industryTitle: '产业支持者',
    industryPick: '产业',
    industryCity: '城市或地区（可选）',
    anyRegion: '全部地区',
    includeNarrower: '包括下位产业（如 新材料 → 石墨烯）',
    industryShow: '查看支持者',
    industryChoose: '请选择一个产业。',
    industryNone: '没有找到支持者。',
    industryFound: '{n} 个支持“{industry}”的实体',
    industryFoundIn: '{n} 个在{region}支持“{industry}”的实体',
    supporter: '支持者',
    via: '产业（上位 › 下位）',
    relation: '关系',
    documentsTitle: '政策文件',
    date: '日期',
    published: '发布',
    number: '文号',
    issuer: '发布机构',
    tasks: '任务',
    targets: '量化目标',
    tasksCount: '{n} 项任务',
    targetsCount: '{n} 项目标',
    responsible: '牵头/责任单位',
    section: '章节',
    text: '原文',
    textHelp: '原文中带下划线的名称链接到对应实体。',
    entitiesInText: '标出 {n} 处实体名称',
    quoteHere: '引文位置',
    noText: '这份文件没有原文。',
    targetsTitle: '量化目标',
    indicator: '指标',
    value: '数值',
    unit: '单位',
    year: '年份',
    anyYear: '全部年份',
    indicatorContains: '指标包含',
    document: '文件',
    note: '说明',
    filter: '筛选',
    targetsCountAll: '共 {n} 项目标',
    chartMatrix: '各地区、各年度的目标数量',
    chartMatrixDesc: '圆越大，目标越多；点击圆筛选。',
    chartValues: '目标数值（单位：{unit}）',
    chartValuesDesc: '同一单位的目标才可比较；颜色表示地区。',
    chartUnit: '单位',
    targetsNone: '没有符合条件的目标。',
    table: '表格',
    source: '出处',
    subject: '主体',
    neighbours: '相邻的 {n} 个实体',
    object: '对象',
  },
  en: {
    title: 'Southern Jiangsu Innovation Policy Knowledge Graph',
    brand: 'Sunan Innovation Policy Graph',
    tagline: 'The parks, institutes, platforms, products, programmes and industries of five southern Jiangsu innovation policy documents, every link with the sentence that states it.',
    skip: 'Skip to content',
    navHome: 'Home',
    navPath: 'Paths',
    navIndustry: 'Industries',
    navDocuments: 'Documents',
    navTargets: 'Targets',
    navMain: 'Main navigation',
    language: 'Language',
    searchLabel: 'Search entities',
    searchPlaceholder: 'Chinese, traditional, pinyin or English, e.g. sukedai',
    searchButton: 'Search',
    noSuggestions: 'No matching names',
    suggestionsCount: '{n} suggestions; use the arrow keys to choose',
    matched: 'matched: {name}',
    loading: 'Loading…',
    errorTitle: 'The request failed',
    errorNetwork: 'Cannot reach the server: {msg}',
    errorHttp: 'The server answered with an error: {msg}',
    errorGraphql: 'The query failed: {msg}',
    errorNotFound: 'No such entity: {msg}',
    retry: 'Try again',
    notFoundPage: 'There is no such page.',
    backHome: 'Back to the start page',
    statsTitle: 'The graph at a glance',
    statEntities: 'entities',
    statRelations: 'relations',
    statQuotes: 'quotes',
    statInferred: 'inferred relations',
    startingPoints: 'Most connected entities',
    viewsTitle: 'Ways in',
    viewPathDesc: 'How two entities are connected',
    viewIndustryDesc: 'Who supports an industry (and its narrower ones), by city',
    viewDocumentsDesc: 'Each document’s tasks, lead agencies, targets, and its text with the entities marked',
    viewTargetsDesc: 'Quantitative targets by region and year: table and charts',
    apiTitle: 'APIs',
    apiGraphql: 'GraphQL (GraphiQL in the browser)',
    apiSparql: 'SPARQL 1.1 endpoint',
    footer: 'Drawn from public policy documents; every relation cites its source.',
    searchResultsTitle: 'Results for “{q}”',
    searchNone: 'No entity matches “{q}”.',
    kind: 'Kind',
    region: 'Region',
    names: 'Names',
    zhHans: 'Simplified',
    zhHant: 'Traditional',
    pinyin: 'Pinyin',
    english: 'English',
    enEstablished: 'established name',
    enTranslated: 'translated for this graph',
    aliases: 'Aliases (as written in the documents)',
    noAliases: 'none',
    scriptSimplified: 'simplified document',
    scriptTraditional: 'traditional document',
    relations: 'Relations',
    relationsCount: '{n} relations',
    noRelations: 'No relations.',
    mentionedIn: 'Where the documents name it',
    evidence: 'Evidence',
    inferred: 'inferred',
    derived: 'derived',
    curated: 'curated',
    inferredNote: 'Inferred: {note}',
    derivedNote: 'Rule {rule}: {note}',
    curatorNote: 'Note: {note}',
    openGraph: 'Show in graph',
    findPathFrom: 'Find a path from here',
    whoSupports: 'Who supports this industry',
    openDocument: 'Open the document text',
    targetsForRegion: 'Targets for this region',
    showMore: 'Show all {n}',
    structural: 'Document structure and mentions',
    graphTitle: 'Graph: {name}',
    graphHelp: 'Drag to pan, scroll to zoom; click a node to see it, double-click to expand it; click a line for its evidence.',
    graphSummary: '{nodes} nodes and {edges} lines in the graph',
    graphTruncated: 'Too many nodes: the graph was cut short.',
    hops: 'Hops',
    legend: 'Legend and filters',
    filterKinds: 'Kinds of entity',
    filterRelations: 'Kinds of relation',
    expand: 'Expand neighbours',
    openEntity: 'Open entity page',
    fit: 'Fit to window',
    reset: 'Keep only the start',
    selected: 'Selected',
    clickToSee: 'Click a node or a line to see it here.',
    graphAsList: 'The graph’s relations as a list',
    expandLimit: 'At most 20 entities can be expanded at once.',
    pathTitle: 'Path finder',
    pathFrom: 'From',
    pathTo: 'To',
    pathMaxHops: 'At most steps',
    pathDirectOnly: 'Only direct relations between entities (not through document tasks and mentions)',
    pathFind: 'Find paths',
    pathPick: 'Choose where to start and where to end.',
    pathNone: 'No path within {n} steps.',
    pathFound: '{n} shortest paths of {len} steps',
    pathN: 'Path {n}',
    industryTitle: 'Who supports an industry',
    industryPick: 'Industry',
    industryCity: 'City or region (optional)',
    anyRegion: 'All regions',
    includeNarrower: 'Include narrower industries (新材料 → 石墨烯)',
    industryShow: 'Show supporters',
    industryChoose: 'Choose an industry.',
    industryNone: 'No supporters found.',
    industryFound: '{n} supporters of “{industry}”',
    industryFoundIn: '{n} supporters of “{industry}” in {region}',
    supporter: 'Supporter',
    via: 'Industry (broader › narrower)',
    relation: 'Relation',
    documentsTitle: 'Policy documents',
    date: 'Date',
    published: 'Published',
    number: 'Number',
    issuer: 'Issued by',
    tasks: 'Tasks',
    targets: 'Quantitative targets',
    tasksCount: '{n} tasks',
    targetsCount: '{n} targets',
    responsible: 'Lead or responsible agencies',
    section: 'Section',
    text: 'Text',
    textHelp: 'Underlined names in the text link to their entities.',
    entitiesInText: '{n} names of entities marked',
    quoteHere: 'Quoted passage',
    noText: 'This document has no text.',
    targetsTitle: 'Quantitative targets',
    indicator: 'Indicator',
    value: 'Value',
    unit: 'Unit',
    year: 'Year',
    anyYear: 'All years',
    indicatorContains: 'Indicator contains',
    document: 'Document',
    note: 'Note',
    filter: 'Filter',
    targetsCountAll: '{n} targets',
    chartMatrix: 'Number of targets by region and year',
    chartMatrixDesc: 'The bigger the circle, the more targets; click a circle to filter.',
    chartValues: 'Target values (unit: {unit})',
    chartValuesDesc: 'Only targets in the same unit compare; colour shows the region.',
    chartUnit: 'Unit',
    targetsNone: 'No targets match.',
    table: 'Table',
    source: 'Source',
    subject: 'Subject',
    neighbours: '{n} neighbours',
    object: 'Object',
  },
};

const listeners = new Set();

function initialLang() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') return fromUrl;
  try {
    const stored = localStorage.getItem('sunan-kg-lang');
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage may be disabled; fall through
  }
  return 'zh';
}

export const i18n = { lang: initialLang() };

/** Switches the interface language and tells every listener. */
export function setLang(lang) {
  if (lang !== 'zh' && lang !== 'en') return;
  i18n.lang = lang;
  try {
    localStorage.setItem('sunan-kg-lang', lang);
  } catch {
    // not kept across visits then
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** The interface string `key` with `{name}` placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const table = STRINGS[i18n.lang] || STRINGS.zh;
  const template = table[key] ?? STRINGS.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** An entity's name in the interface language (`Brief` fields), falling back to Chinese. */
export function nameOf(entity) {
  if (!entity) return '';
  if (i18n.lang === 'en' && entity.en && !entity.en.fallback && entity.en.text) return entity.en.text;
  return entity.name;
}

/** The entity's name in the other language, when it has one that differs. */
export function otherNameOf(entity) {
  if (!entity || !entity.en || entity.en.fallback || !entity.en.text) return null;
  const other = i18n.lang === 'en' ? entity.name : entity.en.text;
  return other === nameOf(entity) ? null : other;
}

// ----- vocabulary -----

const vocabulary = {
  kinds: [], // [{ enum, id, zh, en, comment }]
  relations: [],
  kindByEnum: new Map(),
  relationByEnum: new Map(),
  regions: [], // [{ id, name, en, parents: [ids] }]
  groupingRegions: new Set(),
  loaded: false,
};

/** `ResearchInstitute` → `RESEARCH_INSTITUTE`, `partOfDocument` → `PART_OF_DOCUMENT`. */
export function toEnum(id) {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

const VOCABULARY_QUERY = `
query Vocabulary {
  entityKinds { id zh en comment }
  relationKinds { id zh en comment structural role }
  entities(filter: { kinds: [REGION] }, first: 100, orderBy: { field: DEFAULT }) {
    nodes { id name en: label(lang: EN) { text fallback } regions { id } }
  }
}`;

/** Loads kinds, relation kinds and regions once; every view waits for it. */
export async function loadVocabulary() {
  if (vocabulary.loaded) return vocabulary;
  const data = await gql(VOCABULARY_QUERY);
  vocabulary.kinds = data.entityKinds.map((k) => ({ ...k, enum: toEnum(k.id) }));
  vocabulary.relations = data.relationKinds.map((k) => ({ ...k, enum: toEnum(k.id) }));
  vocabulary.kindByEnum = new Map(vocabulary.kinds.map((k) => [k.enum, k]));
  vocabulary.relationByEnum = new Map(vocabulary.relations.map((k) => [k.enum, k]));
  vocabulary.regions = data.entities.nodes.map((r) => ({ ...r, parents: r.regions.map((p) => p.id) }));
  // Regions that only group others (苏南地区, 长江三角洲 …): they have parts but lie in nothing.
  const parents = new Set(vocabulary.regions.flatMap((r) => r.parents));
  vocabulary.groupingRegions = new Set(
    vocabulary.regions.filter((r) => r.parents.length === 0 && parents.has(r.id)).map((r) => r.id),
  );
  vocabulary.loaded = true;
  return vocabulary;
}

export function vocab() {
  return vocabulary;
}

/** The label of an entity kind (`PARK`) in the interface language. */
export function kindLabel(kindEnum) {
  const k = vocabulary.kindByEnum.get(kindEnum);
  if (!k) return kindEnum || '';
  return i18n.lang === 'en' ? k.en : k.zh;
}

/** The label of a relation kind (`LOCATED_IN`) in the interface language. */
export function relationLabel(kindEnum) {
  const k = vocabulary.relationByEnum.get(kindEnum);
  if (!k) return kindEnum || '';
  return i18n.lang === 'en' ? k.en : k.zh;
}

export function relationComment(kindEnum) {
  const k = vocabulary.relationByEnum.get(kindEnum);
  return k ? k.comment : '';
}

/** Where an entity is, for a search hit: the nearest two regions, leaving out groupings. */
export function regionText(regions) {
  if (!regions || regions.length === 0) return '';
  const kept = regions.filter((r) => !vocabulary.groupingRegions.has(r.id));
  const shown = (kept.length > 0 ? kept : regions).slice(0, 2);
  return shown.map(nameOf).join(' · ');
}

// Colours for the kinds, in the vocabulary's order (documents first, organisations later).
const PALETTE = [
  '#5b6b7a', '#8a9aa8', '#a3a3c2', '#c7a27c', '#1f77b4', '#17becf', '#2ca02c', '#9467bd',
  '#e377c2', '#8c564b', '#ff7f0e', '#d62728', '#bcbd22', '#393b79', '#ad494a', '#7f7f7f',
  '#e7ba52', '#31a354', '#6b6ecf', '#b5cf6b', '#d6616b', '#ce6dbd', '#3182bd',
];

/** The colour of an entity kind, stable for a given vocabulary. */
export function kindColour(kindEnum) {
  const index = vocabulary.kinds.findIndex((k) => k.enum === kindEnum);
  return index < 0 ? '#999999' : PALETTE[index % PALETTE.length];
}

/** Kinds that are parts of documents rather than things the documents talk about. */
export const STRUCTURAL_KINDS = new Set(['DOCUMENT', 'SECTION', 'TASK', 'TARGET']);

/**
 * Relation kinds that record where things are written, or what a provision does with a thing,
 * rather than how two named things relate: the vocabulary marks them `structural`.
 */
export const STRUCTURAL_RELATIONS = {
  has: (kindEnum) => vocabulary.relationByEnum.get(kindEnum)?.structural ?? false,
};

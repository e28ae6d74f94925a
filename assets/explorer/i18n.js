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
    targetsNone: '没有符合条件的目标。',
    table: '表格',
    source: '出处',
    subject: '主体',
    neighbours: '相邻的 {n} 个实体',
    object: '对象',
    navInstruments: '政策工具',
    navAgencies: '部门网络',
    navTimeline: '时间线',
    navExports: '数据导出',
    chineseTitle: '（中文标题）',
    chineseName: '（中文名称）',
    curatorNoteLabel: '整理者备注（英文）：',
    inferredNoteLabel: '推断依据（英文）：',
    derivedNoteLabel: '推导规则 {rule}（英文说明）：',
    cite: '引用',
    noCitation: '没有可用的引用格式。',
    copy: '复制',
    copyWhat: '复制 {what} 格式',
    copied: '已复制',
    selectedToCopy: '已选中，请按 Ctrl+C 复制',
    show: '显示',
    total: '合计',
    downloads: '下载',
    allExports: '全部导出格式与说明',
    viewInstrumentsDesc: '各文件、地区、年份、部门运用的政策工具（供给型、环境型、需求型）及其原文编码',
    viewAgenciesDesc: '共同负责任务的部门网络：中心性、社群与共同任务',
    viewTimelineDesc: '文件时间轴、反复出现的实体、两份文件的比较与目标序列',
    viewExportsDesc: '供 Gephi、UCINET、Excel、pandas 使用的下载文件及查询端点',
    instrumentsTitle: '政策工具',
    instrumentsHelp: '按 Rothwell 与 Zegveld 的供给型、环境型、需求型框架对文件条款编码。点击条形图的色段或表格中的数字，查看其背后的编码与原文。',
    instrumentRows: '行',
    instrumentColumns: '列',
    dim_document: '文件',
    dim_region: '地区',
    dim_year: '年份',
    dim_agency: '部门',
    level_type: '工具类型',
    level_tool: '具体工具',
    instrumentsSummary: '共 {n} 条编码，{rows} 行（按{by}）。',
    agencyCountsTwice: '一条编码有几个责任部门，就在每个部门下各计一次。',
    undatedLeftOut: '未注日期的文件的 {n} 条编码不在按年份的行中。',
    instrumentsNone: '没有编码。',
    instrumentsChart: '政策工具编码数量',
    instrumentsChartDesc: '每一行为一条堆积条形，色段表示工具；点击色段查看编码。',
    rowsHeader: '行',
    cellLabel: '{row} · {column}：{n} 条编码',
    codesTitle: '{row} · {column}：{n} 条编码',
    agencyCodesHelp: '这些条款由该部门负责（或其所在章节、发布机构）。',
    cueIs: '判定词：',
    exportInstruments: '每条编码一行：条款、工具、类型、判定词、引文与备注',
    exportInstrumentMatrix: '文件 × 工具的编码数量矩阵',
    agenciesTitle: '部门网络',
    agenciesHelp: '两个部门共同负责同一项任务即相连，连线越粗，共同任务越多。节点大小表示所选中心性，颜色表示社群（Louvain 算法）。点击连线查看共同任务及其责任单位原文。',
    allDocuments: '全部文件',
    leaveOutCollective: '不含集体主体（如“各辖市、区政府”“各板块”）',
    sizeBy: '节点大小依据',
    centrality_degree: '度',
    centrality_weightedDegree: '加权度',
    centrality_betweenness: '中介中心性',
    centrality_closeness: '接近中心性',
    centrality_eigenvector: '特征向量中心性',
    networkSummary: '{nodes} 个部门、{edges} 条连线、{communities} 个社群（模块度 {modularity}）',
    networkEmpty: '这份文件的任务没有写明共同负责的部门，网络为空。',
    clickEdge: '单击连线查看两个部门共同负责的任务；单击节点查看其中心性。',
    sharedTasks: '共同负责 {n} 项任务',
    community: '社群',
    communityN: '社群 {n}（{size} 个部门）',
    collectiveShape: '方形：集体主体',
    collectiveTag: '集体主体',
    provisionsCount: '负责任务数',
    agencyTable: '部门，按{by}排序',
    agency: '部门',
    pairsTitle: '部门两两之间的共同任务',
    agencyPair: '部门对',
    sharedTasksHeader: '共同任务数',
    sharedTasksShow: '查看共同任务',
    downloadsNetwork: '下载这个网络',
    csvEdges: 'CSV（连线）',
    csvNodes: 'CSV（节点）',
    timelineTitle: '时间线',
    timelineHelp: '文件按年份排列；哪些实体在多份文件中反复出现、各文件如何称呼它们；两份文件之间保留、新增与不再提及的内容；同一指标在不同年份与地区的目标值。',
    documentsOverTime: '文件的时间分布',
    undated: '未注日期',
    undatedHelp: '“未注日期”的文件原文未印成文日期。',
    recurringTitle: '反复出现的实体',
    recurringHelp: '在两份及以上文件中出现的实体，以及每份文件中的写法（括号内为引文数）。',
    recurringCount: '{n} 个实体',
    allKinds: '全部类型',
    entity: '实体',
    documentsN: '文件数',
    quotesN: '{n} 条引文',
    notNamed: '未提及',
    compareTitle: '比较两份文件',
    earlierDoc: '较早的文件',
    laterDoc: '较晚的文件',
    compare: '比较',
    compareSame: '请选择两份不同的文件。',
    compareSummary: '“{later}”相对“{earlier}”：保留 {kept} 个实体，新增 {added} 个，不再提及 {dropped} 个。',
    kept: '保留',
    added: '新增',
    dropped: '不再提及',
    toolsSideBySide: '政策工具编码数对比',
    tool: '工具',
    change: '变化',
    measure: '指标',
    measuresInBoth: '两份文件都设定了目标的指标（{n}）',
    noMeasuresInBoth: '没有两份文件都设定目标的指标。',
    measuresOneSided: '另有 {n} 个指标只有其中一份文件设定了目标。',
    seriesTitle: '目标序列',
    seriesHelp: '在两份及以上文件或两个及以上地区设定了目标的指标：按地区与年份列出目标值，点击数值查看原文。',
    targetsHelp: '各地区计划到哪一年达到什么目标。同一指标、同一数值、同一年份的重复表述合并为一行，原文引文可展开查看。',
    targetsSummary: '共 {n} 项目标，合并重复后 {distinct} 项',
    targetsOverview: '各地区、各年份的目标数',
    overviewCell: '{region}，{year} 年：{n} 项目标',
    byYear: '{year} 年',
    statedTimes: '文中出现 {n} 次',
    quotesShort: '原文 {n}',
    quotesOf: '原文 {n}：{what}',
    exportsTitle: '数据导出',
    exportsHelp: '图谱与分析结果的下载文件，可在网络分析、统计与表格软件中打开。网络与矩阵即本浏览器中显示的同一份数据。',
    exportIndex: '服务器上的导出索引页（/export）',
    exportGroupNetwork: '部门网络',
    exportNetworkParams: '均可加参数 ?document=文件ID 只取一份文件，&collective=false 排除集体主体（与“部门网络”页面的链接相同）。',
    exportGroupGraph: '整个知识图谱',
    exportGroupTables: '表格与矩阵',
    exportAgencyMatrixParams: '部门矩阵可加 ?document=文件ID。',
    exportGroupNeighbourhood: '某个实体的邻域',
    exportNeighbourhoodHelp: '选择一个实体和层数，生成其邻域子图的下载链接。',
    neighbourhoodOf: '邻域的中心实体',
    neighbourhoodPick: '请先选择一个实体。',
    opensIn: '可用软件：',
    exportGexf: 'GEXF 图文件：部门、连线权重、中心性与社群',
    exportGraphml: 'GraphML 图文件：同一网络',
    exportEdgesCsv: '连线表：部门对、共同任务数与任务编号',
    exportNodesCsv: '节点表：部门、集体主体标记、中心性与社群',
    exportCsvw: 'CSVW 元数据：两张 CSV 表各列的含义与类型',
    exportGraphGexf: '整个知识图谱的 GEXF 文件（实体、关系及类型）',
    exportGraphGraphml: '整个知识图谱的 GraphML 文件',
    exportNeighbourhoodGexf: '该实体邻域的 GEXF 文件',
    exportNeighbourhoodGraphml: '该实体邻域的 GraphML 文件',
    exportInstrumentMatrixType: '文件 × 工具类型（供给型、环境型、需求型）的编码数矩阵',
    exportInstrumentMatrixTool: '文件 × 具体工具的编码数矩阵',
    exportEntityMatrix: '实体 × 文件矩阵：各文件中提及该实体的引语数，用于比较文件',
    graphDownloads: '下载此实体的邻域（不含文件结构关系）：',
    exportAgencyMatrix: '部门 × 部门的共同任务数矩阵（邻接矩阵）',
    toolsGephi: 'Gephi、Cytoscape、networkx',
    toolsGraphml: 'Gephi、yEd、igraph、networkx',
    toolsCsvNetwork: 'Excel、pandas、R；也可导入 Gephi 的数据实验室',
    toolsCsvw: 'CSVW 工具（如 csvw-validator）、R、Python',
    toolsTable: 'Excel、pandas、R、SPSS',
    toolsMatrix: 'UCINET、Excel、pandas',
    endpointsTitle: '查询端点',
    endpointGraphql: 'GraphQL：本浏览器所用的接口，浏览器中打开为 GraphiQL',
    endpointSparql: 'SPARQL 1.1 查询端点（RDF 图谱）',
    showStructure: '显示文件章节与任务',
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
    targetsNone: 'No targets match.',
    table: 'Table',
    source: 'Source',
    subject: 'Subject',
    neighbours: '{n} neighbours',
    object: 'Object',
    navInstruments: 'Instruments',
    navAgencies: 'Agencies',
    navTimeline: 'Timeline',
    navExports: 'Exports',
    chineseTitle: '(Chinese title)',
    chineseName: '(Chinese name)',
    curatorNoteLabel: 'Curator’s note:',
    inferredNoteLabel: 'Inferred:',
    derivedNoteLabel: 'Rule {rule}:',
    cite: 'Cite',
    noCitation: 'No citation available.',
    copy: 'Copy',
    copyWhat: 'Copy the {what} reference',
    copied: 'Copied',
    selectedToCopy: 'Selected: press Ctrl+C to copy',
    show: 'Show',
    total: 'Total',
    downloads: 'Downloads',
    allExports: 'All exports, explained',
    viewInstrumentsDesc: 'The policy instruments (supply-side, environmental, demand-side) by document, region, year and agency, with the coded text',
    viewAgenciesDesc: 'The network of agencies sharing tasks: centralities, communities and the shared tasks',
    viewTimelineDesc: 'Documents on a time axis, recurring entities, two documents compared, target series',
    viewExportsDesc: 'Downloads for Gephi, UCINET, Excel and pandas, and the query endpoints',
    instrumentsTitle: 'Policy instruments',
    instrumentsHelp: 'The provisions coded with Rothwell and Zegveld’s supply-side, environmental and demand-side instruments. Click a bar segment or a number in the table to see the codes and the text behind it.',
    instrumentRows: 'Rows',
    instrumentColumns: 'Columns',
    dim_document: 'document',
    dim_region: 'region',
    dim_year: 'year',
    dim_agency: 'agency',
    level_type: 'instrument type',
    level_tool: 'tool',
    instrumentsSummary: '{n} codes in {rows} rows (by {by}).',
    agencyCountsTwice: 'A code with several responsible agencies counts once under each.',
    undatedLeftOut: 'The {n} codes of undated documents are in no year row.',
    instrumentsNone: 'No codes.',
    instrumentsChart: 'Number of instrument codes',
    instrumentsChartDesc: 'One stacked bar per row, a segment per instrument; click a segment to see its codes.',
    rowsHeader: 'Row',
    cellLabel: '{row} · {column}: {n} codes',
    codesTitle: '{row} · {column}: {n} codes',
    agencyCodesHelp: 'The provisions this agency is responsible for (or its section, or the issuer).',
    cueIs: 'Deciding words:',
    exportInstruments: 'One row per code: provision, tool, type, deciding words, quote and note',
    exportInstrumentMatrix: 'Documents × instruments, number of codes',
    agenciesTitle: 'Agency network',
    agenciesHelp: 'Two agencies are linked when a task names both responsible; the thicker the line, the more tasks they share. Node size shows the chosen centrality, colour the community (Louvain). Click a line to see the shared tasks and the sentences naming the responsible bodies.',
    allDocuments: 'All documents',
    leaveOutCollective: 'Leave out collective parties (such as 各辖市、区政府, 各板块)',
    sizeBy: 'Node size by',
    centrality_degree: 'Degree',
    centrality_weightedDegree: 'Weighted degree',
    centrality_betweenness: 'Betweenness',
    centrality_closeness: 'Closeness',
    centrality_eigenvector: 'Eigenvector',
    networkSummary: '{nodes} agencies, {edges} links, {communities} communities (modularity {modularity})',
    networkEmpty: 'This document’s tasks name no agencies that share one: the network is empty.',
    clickEdge: 'Click a line to see the tasks both agencies are responsible for; click a node for its centralities.',
    sharedTasks: '{n} shared tasks',
    community: 'Community',
    communityN: 'Community {n} ({size} agencies)',
    collectiveShape: 'Square: collective party',
    collectiveTag: 'collective',
    provisionsCount: 'Tasks',
    agencyTable: 'Agencies by {by}',
    agency: 'Agency',
    pairsTitle: 'Tasks shared by each pair of agencies',
    agencyPair: 'Pair',
    sharedTasksHeader: 'Shared tasks',
    sharedTasksShow: 'Show shared tasks',
    downloadsNetwork: 'Download this network',
    csvEdges: 'CSV (links)',
    csvNodes: 'CSV (nodes)',
    timelineTitle: 'Timeline',
    timelineHelp: 'The documents by year; which entities recur across documents and how each document writes them; what one document keeps, adds and drops of another; and the targets set for one measure across years and regions.',
    documentsOverTime: 'The documents over time',
    undated: 'Undated',
    undatedHelp: 'An undated document prints no date of issue.',
    recurringTitle: 'Recurring entities',
    recurringHelp: 'Entities named in two or more documents, and how each document writes them (the number of quotes in brackets).',
    recurringCount: '{n} entities',
    allKinds: 'All kinds',
    entity: 'Entity',
    documentsN: 'Documents',
    quotesN: '{n} quotes',
    notNamed: 'not named',
    compareTitle: 'Compare two documents',
    earlierDoc: 'Earlier document',
    laterDoc: 'Later document',
    compare: 'Compare',
    compareSame: 'Choose two different documents.',
    compareSummary: '“{later}” against “{earlier}”: {kept} entities kept, {added} added, {dropped} dropped.',
    kept: 'Kept',
    added: 'Added',
    dropped: 'Dropped',
    toolsSideBySide: 'Instrument codes side by side',
    tool: 'Tool',
    change: 'Change',
    measure: 'Measure',
    measuresInBoth: 'Measures with targets in both ({n})',
    noMeasuresInBoth: 'No measure has targets in both documents.',
    measuresOneSided: '{n} more measures have targets in only one of the two.',
    seriesTitle: 'Target series',
    seriesHelp: 'Measures with targets in two or more documents or regions: the values by region and year; click a value for its sentence.',
    targetsHelp: 'What each region aims for, and by when. A measure stated more than once with the same value and year is one row; its quotes open on a click.',
    targetsSummary: '{n} targets, {distinct} once repetitions are merged',
    targetsOverview: 'Targets by region and year',
    overviewCell: '{region}, {year}: {n} targets',
    byYear: 'by {year}',
    statedTimes: 'stated {n} times',
    quotesShort: 'quotes {n}',
    quotesOf: 'quotes {n}: {what}',
    exportsTitle: 'Exports',
    exportsHelp: 'The graph and the analyses as files for network analysis, statistics and spreadsheets. The networks and matrices hold the same data this explorer shows.',
    exportIndex: 'The server’s index of exports (/export)',
    exportGroupNetwork: 'Agency network',
    exportNetworkParams: 'Each takes ?document=ID for one document and &collective=false to leave out collective parties (the agency view links them so).',
    exportGroupGraph: 'The whole knowledge graph',
    exportGroupTables: 'Tables and matrices',
    exportAgencyMatrixParams: 'The agency matrix takes ?document=ID.',
    exportGroupNeighbourhood: 'An entity’s neighbourhood',
    exportNeighbourhoodHelp: 'Choose an entity and a number of hops for the links to its neighbourhood.',
    neighbourhoodOf: 'Entity at the centre',
    neighbourhoodPick: 'Choose an entity first.',
    opensIn: 'Opens in:',
    exportGexf: 'GEXF graph: agencies, link weights, centralities and communities',
    exportGraphml: 'GraphML graph: the same network',
    exportEdgesCsv: 'Links table: pairs of agencies, shared tasks and their numbers',
    exportNodesCsv: 'Nodes table: agencies, collective flag, centralities and community',
    exportCsvw: 'CSVW metadata: what each column of the two CSV tables means, and its type',
    exportGraphGexf: 'The whole graph as GEXF (entities, relations and their kinds)',
    exportGraphGraphml: 'The whole graph as GraphML',
    exportNeighbourhoodGexf: 'The entity’s neighbourhood as GEXF',
    exportNeighbourhoodGraphml: 'The entity’s neighbourhood as GraphML',
    exportInstrumentMatrixType: 'Documents × instrument types (supply, environment, demand), number of codes',
    exportInstrumentMatrixTool: 'Documents × tools, number of codes',
    exportEntityMatrix: 'Entities × documents: the number of quotes in which each document names each entity, for comparing documents',
    graphDownloads: 'Download this entity’s neighbourhood (without document-structure relations):',
    exportAgencyMatrix: 'Agencies × agencies, number of shared tasks (adjacency matrix)',
    toolsGephi: 'Gephi, Cytoscape, networkx',
    toolsGraphml: 'Gephi, yEd, igraph, networkx',
    toolsCsvNetwork: 'Excel, pandas, R; Gephi’s data laboratory',
    toolsCsvw: 'CSVW tools (csvw-validator), R, Python',
    toolsTable: 'Excel, pandas, R, SPSS',
    toolsMatrix: 'UCINET, Excel, pandas',
    endpointsTitle: 'Query endpoints',
    endpointGraphql: 'GraphQL: the API this explorer uses (GraphiQL in the browser)',
    endpointSparql: 'SPARQL 1.1 endpoint over the RDF graph',
    showStructure: 'Show document sections and tasks',
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

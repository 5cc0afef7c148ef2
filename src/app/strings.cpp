// Every label the app shows, in English and Chinese (the UI and the screen-reader mirror share them).
#include "app/strings.h"

#include <cstdio>

namespace papertide::app {

namespace {

struct Pair {
    const char* en;
    const char* zh;
};

// In Str order.
constexpr Pair kStrings[] = {
    {"monthly AI research digests", "每月人工智能论文摘要"},
    {"Timeline", "时间线"},
    {"Papers", "论文"},
    {"Digests", "摘要期刊"},
    {"Search", "搜索"},
    {"Search titles, authors, summaries… (/)", "搜索标题、作者、摘要…(/)"},
    {"Filters", "筛选"},
    {"Topics", "主题"},
    {"Months", "月份"},
    {"From", "从"},
    {"To", "到"},
    {"All months", "全部月份"},
    {"Digest", "期刊"},
    {"Any digest", "任意期刊"},
    {"Author", "作者"},
    {"Author name", "作者姓名"},
    {"Bookmarked only", "仅收藏"},
    {"Unread only", "仅未读"},
    {"Clear all", "全部清除"},
    {"%d papers", "%d 篇论文"},
    {"No paper matches these filters.", "没有符合筛选条件的论文。"},
    {"Sort", "排序"},
    {"Relevance", "相关度"},
    {"Newest", "最新"},
    {"Oldest", "最早"},
    {"Title", "标题"},
    {"Times picked", "推荐次数"},
    {"Rows", "行排序"},
    {"By total", "按总数"},
    {"By first appearance", "按首次出现"},
    {"By name", "按名称"},
    {"Collapse empty months", "折叠空白月份"},
    {"Authors", "作者"},
    {"Picked by", "推荐于"},
    {"Links", "链接"},
    {"Related papers", "相关论文"},
    {"Bookmark", "收藏"},
    {"Bookmarked", "已收藏"},
    {"Mark read", "标为已读"},
    {"Mark unread", "标为未读"},
    {"Copy BibTeX", "复制 BibTeX"},
    {"Copy link", "复制链接"},
    {"Copied", "已复制"},
    {"Why", "为什么"},
    {"Key insight", "关键见解"},
    {"Section", "栏目"},
    {"Close", "关闭"},
    {"Back", "返回"},
    {"Introduction", "导语"},
    {"News", "新闻"},
    {"References", "参考文献"},
    {"Papers in this digest", "本期论文"},
    {"Problems", "问题"},
    {"These files could not be loaded completely; everything else is shown.", "以下文件未能完整加载；其余内容照常显示。"},
    {"Theme", "主题色"},
    {"System", "跟随系统"},
    {"Dark", "深色"},
    {"Light", "浅色"},
    {"中文", "English"},
    {"no digest this month", "本月无摘要"},
    {"No digest covers this month (a gap in the record, not zero papers).", "本月没有摘要(记录空缺，并非零篇)。"},
    {"%d papers — click to filter", "%d 篇论文 — 点击筛选"},
    {"Drag across months to select a range", "拖动选择月份范围"},
    {"%d of %d", "%d / %d"},
    {"Filters +", "筛选 +"},
    {"Filters −", "筛选 −"},
    {"Open digest", "打开期刊"},
    {"Show only its papers", "只看本期论文"},
    {"picked %d times", "被推荐 %d 次"},
    {"first recommended in %s", "首次推荐于 %s"},
    {"topics inferred from the text", "主题由文本推断"},
    {"Source", "来源"},
    {"Published", "发布"},
    {"Select a paper to read its card.", "选择一篇论文查看详情。"},
    {"et al.", "等"},
    {"What changed", "本月变化"},
    {"%s compared with the previous digest month, %s", "%s 与上一期(%s)相比"},
    {"%s is the first digest month: everything is new.", "%s 是第一期：全部为新。"},
    {"New", "新出现"},
    {"Growing", "增长"},
    {"Steady", "持平"},
    {"Shrinking", "减少"},
    {"Absent this month", "本月缺席"},
    {"Digest month", "期刊月份"},
    {"What is new", "新兴主题"},
    {"What faded", "消退主题"},
    {"rising", "上升"},
    {"steady", "平稳"},
    {"fading", "消退"},
    {"new", "新"},
    {"dormant", "沉寂"},
    {"first %s · peak %s · latest %s · %u papers · %s", "首次 %s · 峰值 %s · 最近 %s · %u 篇 · %s"},
    {"News", "新闻"},
    {"mentions %d paper(s)", "提及 %d 篇论文"},
    {"Picked 2+ times", "多次推荐"},
    {"● recurring paper in this cell", "● 含多次推荐的论文"},
    {"Export", "导出"},
    {"This view", "当前视图"},
    {"Bookmarks", "收藏"},
    {"Saved: %s", "已保存：%s"},
    {"Reading list", "阅读清单"},
    {"Export reading list", "导出阅读清单"},
    {"Import reading list…", "导入阅读清单…"},
    {"Copy link to my bookmarks", "复制收藏链接"},
    {"Shared reading list: %d papers", "分享的阅读清单：%d 篇"},
    {"Add all to my bookmarks", "全部加入收藏"},
    {"Your digests", "你添加的期刊"},
    {"Add digest files…", "添加期刊文件…"},
    {"Drop digest .json files onto this window to add them.", "将期刊 .json 文件拖入窗口即可添加。"},
    {"Remove", "移除"},
    {"Not added:", "未添加："},
    {"Copy", "复制"},
    {"Copy this text", "复制这段文字"},
    {"Summary", "摘要"},
    {"Find in this paper", "在本文中查找"},
    {"%d of %d", "第 %d 个，共 %d 个"},
    {"No matches", "无匹配"},
    {"Previous match (Shift+Enter)", "上一个 (Shift+Enter)"},
    {"Next match (Enter, F3)", "下一个 (Enter, F3)"},
    {"Close (Esc)", "关闭 (Esc)"},
    {"Open", "打开"},
    {"Zoom in", "放大"},
    {"Zoom out", "缩小"},
    {"Look up (searches, not the paper itself)", "查找（搜索结果，并非论文本身）"},
    {"Search arXiv", "在 arXiv 搜索"},
    {"Search Semantic Scholar", "在 Semantic Scholar 搜索"},
    {"Search Google Scholar", "在 Google 学术搜索"},
    {"No link to this paper in the digests: these search for its title.", "摘要中没有这篇论文的链接：以下按标题搜索。"},
    {"also:", "同时搜索："},
    {"Both languages", "中英互查"},
    {"A term also finds its counterpart in the other language (\"quoted\" terms never do)",
     "搜索词同时匹配另一种语言的对应词（加引号的词除外）"},
    {"shares", "共同词"},
    {"same digest", "同一期"},
    {"More", "更多"},
    {"New digest from article…", "从文章新建摘要…"},
    {"New digest from article", "从文章新建摘要"},
    {"Paste the article here (its text or HTML), choose its file, or drop a .txt / .md / .html file on the window.",
     "在此粘贴文章（正文或 HTML），或选择文件，或把 .txt / .md / .html 文件拖到窗口上。"},
    {"Choose file…", "选择文件…"},
    {"Article: %s", "文章：%s"},
    {"Month (YYYY-MM)", "月份（YYYY-MM）"},
    {"Digest title", "摘要标题"},
    {"Source", "来源"},
    {"empty: as found on the page", "留空：按文章中找到的"},
    {"Check these:", "请核对："},
    {"%d entries found · %d uncertain · %d dropped", "找到 %d 篇 · %d 篇待核对 · 已去掉 %d 篇"},
    {"uncertain", "待核对"},
    {"Drop", "去掉"},
    {"Keep", "保留"},
    {"dropped", "已去掉"},
    {"Add to my digests", "加入我的摘要"},
    {"Download JSON", "下载 JSON"},
    {"Added to your digests as %s", "已加入我的摘要：%s"},
    {"Paste an article or drop its file: the papers it names are listed here.", "粘贴文章或拖入文件后，这里会列出其中的论文。"},
    {"File: %s", "文件：%s"},
    {"or drop a .txt, .md or .html file onto this window", "或把 .txt、.md 或 .html 文件拖到窗口上"},
    {"%d paper", "%d 篇论文"},
    {"%d paper — click to filter", "%d 篇论文 — 点击筛选"},
    {"Shared reading list: %d paper", "分享的阅读清单：%d 篇"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<int>(Str::Count), "one entry per Str");

}  // namespace

const char* tr(Lang lang, Str id) {
    const Pair& p = kStrings[static_cast<int>(id)];
    return lang == Lang::Chinese ? p.zh : p.en;
}

const char* trCount(Lang lang, Str many, int n) {
    Str one = many;
    if (many == Str::PapersCount) one = Str::OnePaperCount;
    else if (many == Str::PapersThisCell) one = Str::OnePaperThisCell;
    else if (many == Str::SharedList) one = Str::OneSharedList;
    return tr(lang, n == 1 ? one : many);
}

std::string countText(Lang lang, Str many, int n) {
    char text[160];
    std::snprintf(text, sizeof text, trCount(lang, many, n), n);
    return text;
}

}  // namespace papertide::app

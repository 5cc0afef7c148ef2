#include "ui/strings.h"

namespace papertide::ui {

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
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<int>(Str::Count), "one entry per Str");

}  // namespace

const char* tr(Lang lang, Str id) {
    const Pair& p = kStrings[static_cast<int>(id)];
    return lang == Lang::Chinese ? p.zh : p.en;
}

}  // namespace papertide::ui

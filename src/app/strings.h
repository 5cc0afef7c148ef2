// Every UI label in English and Chinese; the reader switches language at run time.
#pragma once
#include <string>

namespace papertide::app {

enum class Str {
    AppSubtitle, Timeline, Papers, Digests, Search, SearchHint, Filters, Topics, Months, From, To, AllMonths,
    Digest, AnyDigest, Author, AuthorHint, BookmarkedOnly, UnreadOnly, ClearAll, PapersCount, NoResults,
    SortBy, SortRelevance, SortNewest, SortOldest, SortTitle, SortRecurrence, TopicOrderLabel, OrderTotal,
    OrderFirst, OrderLabel, CollapseEmpty, Authors, Appearances, Links, Related, Bookmark, Bookmarked,
    MarkRead, MarkUnread, CopyBibtex, CopyLink, Copied, Why, KeyInsight, Section, Close, Back, Intro, News,
    References, PapersInDigest, Problems, ProblemsHint, Theme, ThemeAuto, ThemeDark, ThemeLight, Language,
    GapMonth, NoDigestThisMonth, PapersThisCell, DragHint, FilteredOfTotal, ShowFilters, HideFilters,
    OpenDigest, FilterToDigest, PickedTimes, FirstRecommended, InferredTopics, Source, Published, NoPaperSelected, EtAl,
    Changes, ChangesVs, ChangesFirst, KindNew, KindGrowing, KindSteady, KindShrinking, KindAbsent, DigestMonth, OrderNewest, OrderFaded, TrendRising, TrendSteady, TrendFading, TrendNew, TrendDormant, Lifecycle, NewsRow, NewsMentions, Recurring, RecurringMark, Export, ExportView, ExportBookmarks, SavedTo, ReadingList, ExportList, ImportList, ShareList, SharedList, AddAllBookmarks, YourDigests, AddDigests, DropHint, Remove, Refused,
    Copy, CopyText, Summary, FindHint, FindCount, FindNone, FindPrevious, FindNext, FindClose, OpenPaper, ZoomIn, ZoomOut,
    LookUp, SearchArxiv, SearchSemanticScholar, SearchGoogleScholar, LookUpHint, AlsoSearched, CrossLanguage,
    CrossLanguageHint, SharedTerms, SameDigest, More,
    NewFromArticle, ArticleDraftHeading, PasteArticle, ChooseArticle, ArticleFrom, DraftMonth, DraftTitle, DraftSource,
    FoundOnPage, CheckThese, EntriesFound, Uncertain, DropEntry, KeepEntry, Dropped, AddToMyDigests, DownloadJson,
    AddedAs, NoDraftYet, DraftFileName, DropArticleHint, OnePaperCount, OnePaperThisCell,
    OneSharedList,
    Count,
};

enum class Lang { English, Chinese };

const char* tr(Lang lang, Str id);
// The printf format of a count: `many` ("%d papers"), or its singular ("%d paper") when `n` is one and it has one.
const char* trCount(Lang lang, Str many, int n);
// That format filled in with `n` ("1 paper", "3 papers").
std::string countText(Lang lang, Str many, int n);

}  // namespace papertide::app

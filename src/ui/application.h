// The explorer UI as one object the platform layer drives: it owns the app state and draws it each frame.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"

namespace papertide::core {
struct Snapshot;
}

namespace papertide::ui {

class PlatformServices;

class Application {
public:
    explicit Application(PlatformServices& platform);
    ~Application();
    Application(const Application&) = delete;
    Application& operator=(const Application&) = delete;

    // Parses and validates the corpus files (topics.json + digests); problems are kept for the UI to show.
    void loadCorpus(std::vector<core::SourceFile> files);
    // The bundled corpus prebuilt (core/snapshot.h); the bundled files are then asked of the platform only when a
    // reader's digest is merged with them (app::AppModel::loadSnapshot).
    void loadSnapshot(core::Snapshot snapshot);
    // No usable snapshot: asks the platform for the bundled files, which become the corpus when they arrive.
    void fetchBundledFiles();
    // They arrive one at a time (each digest is parsed as it comes), then the end of them.
    void receiveBundledFile(core::SourceFile file);
    void bundledFilesDone();
    // No corpus yet, or a reader's kept digests wait for the bundled files: the platform holds the first frame.
    bool loading() const;
    // A file the reader chose or dropped: a reading list is merged into the marks; anything else is read as
    // a digest, validated on its own, and when valid merged into every view as the reader's own (and kept).
    void receiveFile(std::string_view name, std::string bytes);
    // "New digest from article…": an HTML article as lines from the platform's own HTML parser (the browser's
    // DOMParser), and the text of the platform's own article box (linesJson: the same for pasted HTML, or empty).
    void receiveArticleLines(std::string_view name, std::string linesJson);
    void setArticleText(std::string text, std::string linesJson);
    // Digests the reader added on earlier visits (already kept by the platform).
    void restoreUserDigests(std::vector<core::SourceFile> files);
    void removeUserDigest(std::string_view name);
    // (Re)builds the ImGui font atlas from a TTF/TTC file at the given pixel ratio. Call with an ImGui context current.
    void setupFonts(const std::string& fontPath, float pixelRatio);
    // Restores the view from a URL hash ("#..."), e.g. at start-up or on browser back/forward.
    void applyLocationHash(std::string_view hash);
    // Opens an http(s) link in a new tab (anything else is refused and reported); false when refused.
    bool openLink(std::string_view url);
    // The search text typed into the platform's own text field (the web's IME-capable <input>).
    void setQuery(std::string_view query);
    // The paper card's find bar (Ctrl+F / Cmd+F, F3): opens it and focuses its field (without an open paper: the
    // search box instead), sets its text, moves to the next (+1) / previous (-1) match, closes it.
    void openFind();
    void setFindQuery(std::string_view text);
    void findStep(int direction);
    void closeFind();
    // Zooms the timeline's months by `factor` around screen x when (x, y) is over the timeline (pinch,
    // Ctrl+wheel); false when it is not there.
    bool zoomAt(float x, float y, float factor);
    // Builds this frame's ImGui windows; call between ImGui::NewFrame() and ImGui::Render().
    void drawFrame();
    // Before the first frame, while the corpus loads: hands the app's own shaders to the GPU (needs the context).
    void prepareGpu();
    // True while something still changes without input (animation, a pending load): the platform keeps rendering.
    bool wantsAnotherFrame() const;
    // Which renderer drew the timeline in the last frame: "gl" (the shader), "imgui" (the fallback) or "none".
    std::string timelineRenderer() const;
    // The state for tests and tools (window.papertide.state()), as a JSON object.
    std::string stateJson(long framesRendered) const;
    // Applies a partial state object (same fields as stateJson / the URL hash); returns false on bad JSON.
    bool applyStateJson(std::string_view json);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace papertide::ui

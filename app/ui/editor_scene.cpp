#include "editor_scene.hpp"

#include "format.hpp"
#include "keymap.hpp"
#include "layout.hpp"

#include <algorithm>

namespace ns {

namespace {

constexpr float kMarginX = 0.04f;   // of the width
constexpr float kBody = 0.032f;     // body text, of the height
constexpr float kLarge = 0.036f;    // step names and values
constexpr float kNameSize = 0.05f;  // the routine's name
constexpr float kRadius = 0.012f;   // corners, of the height
constexpr float kCapMiddle = 0.57f; // where capitals sit in a line, per unit of size

const sf::Color kFieldFill{33, 27, 23};
// A figure's box beside a name, width per unit of height: room for a person and a wall or chair.
constexpr float kStepFigureAspect = 1.3f;
constexpr float kPickFigureAspect = 1.4f;
// A name beside its figure is set a little smaller, down to this, before it is cut short.
constexpr float kSmallestName = 0.028f;
// The chosen stretch's large figure in the picker, as fractions of the height.
constexpr float kPickFigureMinHeight = 0.14f;
constexpr float kPickFigureMaxHeight = 0.32f;

float outlineWidth(float h) {
    return std::max(2.f, 0.004f * h);
}

} // namespace

EditorScene::EditorScene(const Theme& theme, const EditorController& controller)
    : m_theme(theme), m_controller(controller) {}

sf::ConvexShape& EditorScene::box(Layer& layer, sf::FloatRect rect, sf::Color fill,
                                  sf::Color outline) const {
    const float h = m_size.y;
    auto shape = roundedRect({rect.width, rect.height}, kRadius * h, fill);
    shape.setPosition(rect.left, rect.top);
    if (outline != sf::Color::Transparent) {
        shape.setOutlineColor(outline);
        shape.setOutlineThickness(-outlineWidth(h));
    }
    layer.shapes.push_back(shape);
    return layer.shapes.back();
}

sf::Text& EditorScene::text(Layer& layer, const std::string& utf8, bool bold, float sizeFraction,
                            sf::Color color, float x, float centerY, float maxWidth, Align align) {
    const sf::Font& font = bold ? m_theme.bold() : m_theme.regular();
    const unsigned size = scaledSize(sizeFraction, m_size.y);
    sf::Text t = makeText(utf8, font, size, color);
    t.setString(ellipsize(t.getString(), font, size, maxWidth));
    placeLine(t, x, centerY - kCapMiddle * static_cast<float>(size), align);
    layer.texts.push_back(t);
    return layer.texts.back();
}

void EditorScene::shrinkOrCut(sf::Text& t, bool bold, float x, float centerY,
                              float maxWidth) const {
    shrinkToWidth(t, maxWidth, scaledSize(kSmallestName, m_size.y));
    const unsigned size = t.getCharacterSize();
    t.setString(
        ellipsize(t.getString(), bold ? m_theme.bold() : m_theme.regular(), size, maxWidth));
    placeLine(t, x, centerY - kCapMiddle * static_cast<float>(size));
}

void EditorScene::figure(Layer& layer, const std::string& stretchId, FigureSide side,
                         sf::FloatRect area) {
    layer.figures.emplace_back();
    layer.figures.back().set(m_theme.poses().forStretch(stretchId), side, area);
}

void EditorScene::button(Layer& layer, sf::FloatRect rect, const std::string& label, EditorHit hit,
                         bool emphasis, unsigned textSize) {
    box(layer, rect, emphasis ? palette::kSurfaceRaised : palette::kSurface,
        emphasis ? palette::kAccent : palette::kTrack);
    const unsigned size = textSize > 0 ? textSize : scaledSize(kBody, m_size.y);
    sf::Text t =
        makeText(label, m_theme.bold(), size, emphasis ? palette::kAccent : palette::kText);
    shrinkToWidth(t, rect.width * 0.94f, scaledSize(0.024f, m_size.y));
    placeLine(t, rect.left + rect.width / 2.f,
              rect.top + rect.height / 2.f - kCapMiddle * static_cast<float>(t.getCharacterSize()),
              Align::Center);
    layer.texts.push_back(t);
    layer.targets.emplace_back(rect, hit);
}

void EditorScene::layout(sf::Vector2f size) {
    m_size = size;
    m_base = Layer{};
    m_overlay = Layer{};
    m_shade.setSize(size);
    m_shade.setFillColor(palette::kShade);
    const float w = size.x;
    const float h = size.y;
    const float mx = kMarginX * w;

    layoutHeader();
    const float top = 0.19f * h;
    const float bottom = 0.765f * h;
    // Narrow windows give the values more of the width.
    const float split = w / h < 1.5f ? 0.5f * w : 0.585f * w;
    layoutSteps({mx, top, split - mx, bottom - top});
    layoutValues({split + 0.025f * w, top, w - mx - split - 0.025f * w, bottom - top});
    layoutButtons(0.785f * h, 0.07f * h);

    // The last thing said (saved, nothing to undo), then the main keys.
    const std::string& message = m_controller.message();
    if (!message.empty())
        text(m_base, message, false, kBody,
             m_controller.messageIsError() ? palette::kError : palette::kAccent, mx, 0.895f * h,
             w - 2.f * mx);
    text(m_base, "H all keys    Tab next part    ← → change    Ctrl+S save    Esc leave", false,
         0.03f, palette::kTextDim, mx, 0.952f * h, w - 2.f * mx);

    switch (m_controller.prompt()) {
    case EditorController::Prompt::Picker:
        layoutPicker();
        break;
    case EditorController::Prompt::LeaveUnsaved:
        layoutLeavePrompt();
        break;
    case EditorController::Prompt::Help:
        layoutHelp();
        break;
    case EditorController::Prompt::None:
        break;
    }
}

void EditorScene::layoutHeader() {
    const float w = m_size.x;
    const float h = m_size.y;
    const float mx = kMarginX * w;
    const RoutineEditor& editor = m_controller.editor();
    const EditorFocus focus = m_controller.focus();

    // The total, right of the name, kept up to date.
    const float totalRight = w - mx;
    sf::Text& total = text(m_base, "Total " + formatMinutes(editor.totalSeconds()), true, kLarge,
                           palette::kAccent, totalRight, 0.062f * h, 0.3f * w, Align::Right);
    const float totalWidth = total.getGlobalBounds().width;
    const bool unsaved = editor.dirty() || m_controller.isNew();
    text(m_base, unsaved ? "not saved yet" : "saved", false, 0.028f,
         unsaved ? palette::kAccentDim : palette::kTextDim, totalRight, 0.137f * h, 0.3f * w,
         Align::Right);

    const float fieldRight = totalRight - std::max(totalWidth, 0.2f * w) - 0.03f * w;
    auto field = [&](EditorFocus which, sf::FloatRect rect, const std::string& value,
                     const std::string& placeholder, float size, bool bold, EditorHit::Kind kind) {
        const bool focused = focus == which;
        const bool typing = focused && m_controller.typing();
        box(m_base, rect, typing ? palette::kSurfaceRaised : kFieldFill,
            focused ? palette::kAccent : palette::kTrack);
        const float inner = rect.width - 0.03f * w;
        const sf::Font& font = bold ? m_theme.bold() : m_theme.regular();
        const unsigned px = scaledSize(size, h);
        sf::String shown;
        if (typing) {
            // While typing, the end of the text (where the letters go) stays in view.
            shown = m_controller.typedText() + sf::String(L"\u2502");
            while (shown.getSize() > 1 && textWidth(shown, font, px) > inner)
                shown.erase(0);
        } else {
            shown = sf::String::fromUtf8(value.begin(), value.end());
            if (value.empty()) shown = sf::String::fromUtf8(placeholder.begin(), placeholder.end());
            shown = ellipsize(shown, font, px, inner);
        }
        sf::Text t(shown, font, px);
        t.setFillColor(value.empty() && !typing ? palette::kTextDim : palette::kText);
        placeLine(t, rect.left + 0.015f * w,
                  rect.top + rect.height / 2.f - kCapMiddle * static_cast<float>(px));
        m_base.texts.push_back(t);
        m_base.targets.emplace_back(rect, EditorHit{kind, 0});
    };
    field(EditorFocus::Name, {mx, 0.022f * h, fieldRight - mx, 0.08f * h}, editor.document().name,
          "Name", kNameSize, true, EditorHit::Kind::Name);
    field(EditorFocus::Description, {mx, 0.11f * h, fieldRight - mx, 0.058f * h},
          editor.document().description, "Description (Enter to write one)", kBody, false,
          EditorHit::Kind::Description);
}

void EditorScene::layoutSteps(sf::FloatRect area) {
    const float h = m_size.y;
    const float w = m_size.x;
    const bool focused = m_controller.focus() == EditorFocus::Steps;
    const std::size_t count = m_controller.editor().stepCount();
    const sf::Text& heading = text(m_base, "Stretches (" + std::to_string(count) + ")", true, 0.03f,
                                   focused ? palette::kAccent : palette::kTextDim, area.left,
                                   area.top + 0.018f * h, area.width * 0.6f);
    const float headingWidth = heading.getGlobalBounds().width;

    const float listTop = area.top + 0.045f * h;
    const float rowH = 0.088f * h;
    const float gap = 0.01f * h;
    const std::size_t visible = std::max<std::size_t>(
        1, static_cast<std::size_t>((area.top + area.height - listTop + gap) / (rowH + gap)));
    const std::size_t selected = m_controller.selectedStep();
    if (selected < m_firstStep) m_firstStep = selected;
    if (selected >= m_firstStep + visible) m_firstStep = selected + 1 - visible;
    if (count <= visible) m_firstStep = 0;
    m_firstStep = std::min(m_firstStep, count > visible ? count - visible : 0);

    const float padX = 0.018f * w;
    for (std::size_t i = m_firstStep; i < count && i < m_firstStep + visible; ++i) {
        const float y = listTop + static_cast<float>(i - m_firstStep) * (rowH + gap);
        const sf::FloatRect rect{area.left, y, area.width, rowH};
        const bool isSelected = i == selected;
        box(m_base, rect, isSelected ? palette::kSurfaceRaised : palette::kSurface,
            isSelected ? (focused ? palette::kAccent : palette::kAccentDim)
                       : sf::Color::Transparent);
        // The stretch's figure at the row's left, so the list reads at a glance.
        const float figureWidth = kStepFigureAspect * rowH;
        figure(m_base, m_controller.stepStretchId(i),
               m_controller.stepRightOnly(i) ? FigureSide::Right : FigureSide::Left,
               {rect.left + padX * 0.5f, y + 0.08f * rowH, figureWidth, 0.84f * rowH});
        const float textLeft = rect.left + padX + figureWidth;
        const float inner = rect.left + rect.width - padX - textLeft;
        shrinkOrCut(text(m_base, std::to_string(i + 1) + ".  " + m_controller.stepName(i), true,
                         kLarge, isSelected ? palette::kText : palette::kTextSoft, textLeft,
                         y + 0.29f * rowH, 1e6f),
                    true, textLeft, y + 0.29f * rowH, inner);
        text(m_base, m_controller.stepSummary(i), false, kBody,
             isSelected ? palette::kAccent : palette::kTextDim, textLeft + 0.03f * w,
             y + 0.72f * rowH, inner - 0.03f * w);
        m_base.targets.emplace_back(rect, EditorHit{EditorHit::Kind::Step, static_cast<int>(i)});
    }
    std::string more;
    if (m_firstStep > 0) more += "↑ " + std::to_string(m_firstStep);
    const std::size_t below = count - std::min(count, m_firstStep + visible);
    if (below > 0) more += (more.empty() ? "" : "   ") + std::string("↓ ") + std::to_string(below);
    if (!more.empty()) more += " more";
    if (!more.empty())
        text(m_base, more, false, 0.028f, palette::kAccentDim, area.left + area.width,
             area.top + 0.018f * h, area.width - headingWidth - 0.02f * w, Align::Right);
}

void EditorScene::layoutValues(sf::FloatRect area) {
    const float h = m_size.y;
    const float w = m_size.x;
    const EditorFocus focus = m_controller.focus();
    const bool defaults = focus == EditorFocus::Defaults;
    const bool focused = focus == EditorFocus::StepFields || defaults;

    // Two tabs: this stretch's values, or the defaults every stretch starts from.
    const float tabH = 0.058f * h;
    const float tabW = (area.width - 0.01f * w) / 2.f;
    for (int i = 0; i < 2; ++i) {
        const bool active = (i == 1) == defaults;
        const sf::FloatRect rect{area.left + static_cast<float>(i) * (tabW + 0.01f * w),
                                 area.top - 0.01f * h, tabW, tabH};
        box(m_base, rect, active ? palette::kSurfaceRaised : palette::kBackground,
            active ? (focused ? palette::kAccent : palette::kAccentDim) : palette::kTrack);
        sf::Text& tab =
            text(m_base, i == 0 ? "This stretch" : "Defaults", true, 0.03f,
                 active ? palette::kText : palette::kTextDim, rect.left + rect.width / 2.f,
                 rect.top + rect.height / 2.f, 1e6f, Align::Center);
        shrinkToWidth(tab, rect.width * 0.9f, scaledSize(0.024f, h));
        placeLine(tab, rect.left + rect.width / 2.f,
                  rect.top + rect.height / 2.f -
                      kCapMiddle * static_cast<float>(tab.getCharacterSize()),
                  Align::Center);
        m_base.targets.emplace_back(
            rect, EditorHit{i == 0 ? EditorHit::Kind::StepsTab : EditorHit::Kind::DefaultsTab, 0});
    }

    const float top = area.top + tabH + 0.002f * h;
    const float rowH = (area.top + area.height - top) / static_cast<float>(kEditorFieldCount);
    const float buttonSize = std::min(rowH * 0.84f, 0.07f * h);
    for (int f = 0; f < kEditorFieldCount; ++f) {
        const auto field = static_cast<EditorField>(f);
        const float y = top + static_cast<float>(f) * rowH;
        const sf::FloatRect rect{area.left, y, area.width, rowH};
        const bool isSelected = focused && field == m_controller.selectedField();
        box(m_base, {rect.left, rect.top + 0.004f * h, rect.width, rect.height - 0.008f * h},
            isSelected ? palette::kSurfaceRaised : palette::kSurface,
            isSelected ? palette::kAccent : sf::Color::Transparent);
        const EditorController::Value value =
            defaults ? m_controller.defaultValue(field)
                     : m_controller.stepValue(m_controller.selectedStep(), field);
        const float centerY = y + rowH / 2.f;
        const float plusLeft = rect.left + rect.width - 0.012f * w - buttonSize;
        const float minusLeft = plusLeft - 0.01f * w - buttonSize;
        sf::Text& label = text(m_base, EditorController::fieldLabel(field), false, kBody,
                               isSelected ? palette::kText : palette::kTextSoft,
                               rect.left + 0.012f * w, centerY, (minusLeft - rect.left) * 0.6f);
        const float labelRight = label.getGlobalBounds().left + label.getGlobalBounds().width;
        text(m_base, value.text, value.own, kLarge, value.own ? palette::kText : palette::kTextDim,
             minusLeft - 0.012f * w, centerY, minusLeft - 0.012f * w - labelRight - 0.015f * w,
             Align::Right);
        for (int sign : {-1, 1}) {
            const sf::FloatRect b{sign < 0 ? minusLeft : plusLeft, centerY - buttonSize / 2.f,
                                  buttonSize, buttonSize};
            box(m_base, b, palette::kBackground,
                isSelected ? palette::kAccentDim : palette::kTrack);
            text(m_base, sign < 0 ? "−" : "+", true, kLarge, palette::kAccent,
                 b.left + b.width / 2.f, centerY, buttonSize, Align::Center);
            m_base.targets.emplace_back(
                b,
                EditorHit{sign < 0 ? EditorHit::Kind::FieldMinus : EditorHit::Kind::FieldPlus, f});
        }
        m_base.targets.emplace_back(rect, EditorHit{EditorHit::Kind::Field, f});
    }
}

void EditorScene::layoutButtons(float top, float height) {
    const float w = m_size.x;
    const float mx = kMarginX * w;
    struct Spec {
        const char* label;
        EditorAction action;
    };
    constexpr Spec kButtons[] = {
        {"Add", EditorAction::Add},         {"Remove", EditorAction::Remove},
        {"Copy", EditorAction::Duplicate},  {"Move ↑", EditorAction::MoveUp},
        {"Move ↓", EditorAction::MoveDown}, {"Undo", EditorAction::Undo},
        {"Redo", EditorAction::Redo},       {"Save", EditorAction::Save},
    };
    constexpr int kCount = 8;
    const float gap = 0.008f * w;
    const float width = (w - 2.f * mx - gap * (kCount - 1)) / kCount;
    // One size for every button label, the largest at which all of them fit.
    unsigned size = scaledSize(kBody, m_size.y);
    const unsigned smallest = scaledSize(0.024f, m_size.y);
    for (const Spec& spec : kButtons)
        while (size > smallest &&
               textWidth(sf::String::fromUtf8(
                             spec.label, spec.label + std::char_traits<char>::length(spec.label)),
                         m_theme.bold(), size) > width * 0.92f)
            --size;
    for (int i = 0; i < kCount; ++i) {
        const sf::FloatRect rect{mx + static_cast<float>(i) * (width + gap), top, width, height};
        const bool emphasis =
            kButtons[i].action == EditorAction::Save && m_controller.editor().dirty();
        button(m_base, rect, kButtons[i].label,
               EditorHit{EditorHit::Kind::Action, static_cast<int>(kButtons[i].action)}, emphasis,
               size);
    }
}

void EditorScene::layoutPicker() {
    const float w = m_size.x;
    const float h = m_size.y;
    const sf::FloatRect panel{0.03f * w, 0.03f * h, 0.94f * w, 0.94f * h};
    box(m_overlay, panel, palette::kSurface, palette::kAccentDim);
    const float pad = 0.025f * w;
    text(m_overlay, "Add a stretch", true, 0.048f, palette::kAccent, panel.left + pad,
         panel.top + 0.05f * h, panel.width * 0.6f);

    const auto& ids = m_controller.pickerIds();
    const Catalog& catalog = m_controller.editor().catalog();
    const float listLeft = panel.left + pad;
    const float listWidth = panel.width * 0.44f;
    const float listTop = panel.top + 0.1f * h;
    const float listBottom = panel.top + panel.height - 0.12f * h;
    const float rowH = 0.072f * h; // tall enough for a figure beside each name
    const std::size_t visible =
        std::max<std::size_t>(1, static_cast<std::size_t>((listBottom - listTop) / rowH));
    const std::size_t selected = m_controller.pickerSelected();
    if (selected < m_firstPick) m_firstPick = selected;
    if (selected >= m_firstPick + visible) m_firstPick = selected + 1 - visible;
    for (std::size_t i = m_firstPick; i < ids.size() && i < m_firstPick + visible; ++i) {
        const sf::FloatRect rect{listLeft, listTop + static_cast<float>(i - m_firstPick) * rowH,
                                 listWidth, rowH - 0.008f * h};
        const bool isSelected = i == selected;
        box(m_overlay, rect, isSelected ? palette::kSurfaceRaised : palette::kBackground,
            isSelected ? palette::kAccent : sf::Color::Transparent);
        const Stretch* stretch = catalog.find(ids[i]);
        const float figureWidth = kPickFigureAspect * rect.height;
        figure(m_overlay, ids[i], FigureSide::Left,
               {rect.left + 0.006f * w, rect.top + 0.06f * rect.height, figureWidth,
                0.88f * rect.height});
        const float textLeft = rect.left + 0.018f * w + figureWidth;
        shrinkOrCut(text(m_overlay, stretch ? stretch->name : ids[i], isSelected, kBody,
                         isSelected ? palette::kText : palette::kTextSoft, textLeft,
                         rect.top + rect.height / 2.f, 1e6f),
                    isSelected, textLeft, rect.top + rect.height / 2.f,
                    rect.left + rect.width - 0.012f * w - textLeft);
        m_overlay.targets.emplace_back(rect,
                                       EditorHit{EditorHit::Kind::PickerRow, static_cast<int>(i)});
    }

    // The chosen stretch: what to do, and when to be careful, before it is added.
    const float infoLeft = listLeft + listWidth + 0.03f * w;
    const float infoWidth = panel.left + panel.width - pad - infoLeft;
    const float infoBottom = listBottom;
    float y = listTop;
    if (selected < ids.size()) {
        if (const Stretch* stretch = catalog.find(ids[selected])) {
            const unsigned body = scaledSize(kBody, h);
            const float lineH = static_cast<float>(body) * 1.25f;
            text(m_overlay, stretch->name, true, kLarge, palette::kText, infoLeft, y + 0.022f * h,
                 infoWidth);
            y += 0.055f * h;
            std::vector<std::pair<std::string, sf::Color>> paragraphs;
            for (std::size_t i = 0; i < stretch->instructions.size(); ++i)
                paragraphs.emplace_back(std::to_string(i + 1) + ". " + stretch->instructions[i],
                                        palette::kTextSoft);
            if (!stretch->caution.empty())
                paragraphs.emplace_back("Caution: " + stretch->caution, palette::kError);
            bool cut = false;
            for (const auto& [paragraph, color] : paragraphs) {
                for (const auto& line : wrapText(paragraph, m_theme.regular(), body, infoWidth)) {
                    if (y + lineH > infoBottom) {
                        cut = true;
                        break;
                    }
                    sf::Text t(line, m_theme.regular(), body);
                    t.setFillColor(color);
                    placeLine(t, infoLeft, y);
                    m_overlay.texts.push_back(t);
                    y += lineH;
                }
                if (cut) break;
                y += lineH * 0.3f;
            }
            if (cut && !m_overlay.texts.empty()) {
                sf::Text& last = m_overlay.texts.back();
                last.setString(ellipsize(last.getString() + sf::String(L" \u2026"),
                                         m_theme.regular(), body, infoWidth));
            }
            // Under the words, when there is room: the chosen stretch's figure, large.
            const float figureTop = y + 0.02f * h;
            if (infoBottom - figureTop >= kPickFigureMinHeight * h)
                figure(m_overlay, ids[selected], FigureSide::Left,
                       {infoLeft, figureTop, infoWidth,
                        std::min(infoBottom - figureTop, kPickFigureMaxHeight * h)});
        }
    }

    const float buttonTop = panel.top + panel.height - 0.095f * h;
    const float buttonH = 0.07f * h;
    const std::size_t step = m_controller.selectedStep() + 1;
    button(m_overlay, {panel.left + pad, buttonTop, panel.width * 0.5f, buttonH},
           "Enter  add after stretch " + std::to_string(step),
           EditorHit{EditorHit::Kind::PickerAdd, 0}, true);
    button(m_overlay,
           {panel.left + panel.width - pad - panel.width * 0.3f, buttonTop, panel.width * 0.3f,
            buttonH},
           "Esc  cancel", EditorHit{EditorHit::Kind::PickerCancel, 0});
}

void EditorScene::layoutLeavePrompt() {
    const float w = m_size.x;
    const float h = m_size.y;
    const sf::FloatRect panel{0.07f * w, 0.3f * h, 0.86f * w, 0.4f * h};
    box(m_overlay, panel, palette::kSurface, palette::kAccentDim);
    text(m_overlay, "Save your changes?", true, 0.06f, palette::kAccent, w / 2.f,
         panel.top + 0.075f * h, panel.width * 0.9f, Align::Center);
    text(m_overlay, "Enter = save,  N = don't save,  Esc = keep editing", false, 0.034f,
         palette::kText, w / 2.f, panel.top + 0.165f * h, panel.width * 0.92f, Align::Center);
    const float gap = 0.02f * w;
    const float bw = (panel.width * 0.9f - 2.f * gap) / 3.f;
    const float left = panel.left + panel.width * 0.05f;
    const float top = panel.top + panel.height - 0.13f * h;
    button(m_overlay, {left, top, bw, 0.085f * h}, "Save",
           EditorHit{EditorHit::Kind::PromptSave, 0}, true);
    button(m_overlay, {left + bw + gap, top, bw, 0.085f * h}, "Don't save",
           EditorHit{EditorHit::Kind::PromptDiscard, 0});
    button(m_overlay, {left + 2.f * (bw + gap), top, bw, 0.085f * h}, "Keep editing",
           EditorHit{EditorHit::Kind::PromptKeep, 0});
}

void EditorScene::layoutHelp() {
    const float w = m_size.x;
    const float h = m_size.y;
    const sf::FloatRect panel{0.06f * w, 0.04f * h, 0.88f * w, 0.92f * h};
    box(m_overlay, panel, palette::kSurface, palette::kAccentDim);
    text(m_overlay, "Editor keys", true, 0.05f, palette::kAccent, w / 2.f, panel.top + 0.05f * h,
         panel.width * 0.9f, Align::Center);
    const auto list = helpLines(KeyContext::Editor);
    const float top = panel.top + 0.11f * h;
    const float bottom = panel.top + panel.height - 0.09f * h;
    const float spacing = (bottom - top) / static_cast<float>(list.size());
    const float keyRight = panel.left + panel.width * 0.3f;
    const float actionLeft = keyRight + 0.03f * w;
    const float actionWidth = panel.left + panel.width - 0.03f * w - actionLeft;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const float y = top + (static_cast<float>(i) + 0.5f) * spacing;
        text(m_overlay, list[i].keys, true, kBody, palette::kText, keyRight, y,
             keyRight - panel.left - 0.02f * w, Align::Right);
        text(m_overlay, list[i].words, false, kBody, palette::kTextSoft, actionLeft, y,
             actionWidth);
    }
    text(m_overlay, "The mouse works too: click a stretch, − and +, and the buttons.", false,
         0.028f, palette::kTextDim, w / 2.f, panel.top + panel.height - 0.05f * h,
         panel.width * 0.92f, Align::Center);
}

EditorHit EditorScene::hitAt(sf::Vector2f point) const {
    const bool overlay = m_controller.prompt() != EditorController::Prompt::None;
    const Layer& layer = overlay ? m_overlay : m_base;
    // Later targets sit on top (a − button inside its row): look from the top down.
    for (const auto& [rect, hit] : layer.targets)
        if (rect.contains(point) &&
            (hit.kind == EditorHit::Kind::FieldMinus || hit.kind == EditorHit::Kind::FieldPlus))
            return hit;
    for (const auto& [rect, hit] : layer.targets)
        if (rect.contains(point)) return hit;
    return {};
}

void EditorScene::draw(sf::RenderTarget& target) const {
    for (const auto& shape : m_base.shapes)
        target.draw(shape);
    for (const auto& f : m_base.figures)
        target.draw(f);
    for (const auto& t : m_base.texts)
        target.draw(t);
    if (m_controller.prompt() == EditorController::Prompt::None) return;
    target.draw(m_shade);
    for (const auto& shape : m_overlay.shapes)
        target.draw(shape);
    for (const auto& f : m_overlay.figures)
        target.draw(f);
    for (const auto& t : m_overlay.texts)
        target.draw(t);
}

std::vector<sf::FloatRect> EditorScene::figureBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const auto& f : m_base.figures)
        bounds.push_back(f.bounds());
    if (m_controller.prompt() != EditorController::Prompt::None)
        for (const auto& f : m_overlay.figures)
            bounds.push_back(f.bounds());
    return bounds;
}

std::vector<sf::FloatRect> EditorScene::textBounds() const {
    std::vector<sf::FloatRect> bounds;
    for (const auto& t : m_base.texts)
        bounds.push_back(t.getGlobalBounds());
    for (const auto& t : m_overlay.texts)
        bounds.push_back(t.getGlobalBounds());
    return bounds;
}

} // namespace ns

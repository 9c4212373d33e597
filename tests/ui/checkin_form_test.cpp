// The morning check-in without a window: keys move and change, digits set, Enter saves what is
// shown, Esc leaves without saving; and the overlay drawn at every size, with its − + targets.
#include "checkin_overlay.hpp"
#include "question_overlay.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

namespace ns {
namespace {

using Field = CheckInForm::Field;

sf::Event::KeyEvent key(sf::Keyboard::Key code, bool shift = false) {
    sf::Event::KeyEvent event{};
    event.code = code;
    event.shift = shift;
    return event;
}

void type(CheckInForm& form, const std::string& utf8) {
    const sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (std::size_t i = 0; i < text.getSize(); ++i)
        form.textEntered(text[i]);
}

const Date kNight = *Date::parse("2026-03-11");

TEST(CheckInForm, KeysChangeTheNumbersAndEnterSavesThem) {
    CheckInForm form;
    form.open(kNight);
    EXPECT_EQ(form.focused(), Field::Cramps);
    form.keyPressed(key(sf::Keyboard::Right));
    form.keyPressed(key(sf::Keyboard::Right));
    form.keyPressed(key(sf::Keyboard::Right));
    form.keyPressed(key(sf::Keyboard::Left));
    EXPECT_EQ(form.value(Field::Cramps), 2);
    form.keyPressed(key(sf::Keyboard::Down));
    type(form, "7");
    EXPECT_EQ(form.value(Field::Pain), 7);
    form.keyPressed(key(sf::Keyboard::Down));
    type(form, "++-+");
    EXPECT_EQ(form.value(Field::Sleep), 2);
    form.keyPressed(key(sf::Keyboard::Down));
    EXPECT_EQ(form.focused(), Field::Note);
    type(form, "left calf, 3 am ünd +-7x");
    form.keyPressed(key(sf::Keyboard::BackSpace));
    EXPECT_EQ(form.outcome(), CheckInForm::Outcome::Open);
    form.keyPressed(key(sf::Keyboard::Enter));
    ASSERT_EQ(form.outcome(), CheckInForm::Outcome::Saved);

    const CheckIn saved = form.result(1234);
    EXPECT_EQ(saved.night, "2026-03-11");
    EXPECT_EQ(saved.cramps, 2);
    EXPECT_EQ(saved.pain, 7);
    EXPECT_EQ(saved.sleep, 2);
    EXPECT_EQ(saved.note, "left calf, 3 am \xc3\xbcnd +-7");
    EXPECT_EQ(saved.recordedAt, 1234);
}

TEST(CheckInForm, DigitsTypedOneAfterAnotherMakeANumberWithinRange) {
    CheckInForm form;
    form.open(kNight);
    type(form, "15");
    EXPECT_EQ(form.value(Field::Cramps), 15);
    type(form, "3"); // 153 is too many: a new number
    EXPECT_EQ(form.value(Field::Cramps), 3);
    form.focus(Field::Pain);
    type(form, "10");
    EXPECT_EQ(form.value(Field::Pain), 10);
    type(form, "5");
    EXPECT_EQ(form.value(Field::Pain), 5);
    form.keyPressed(key(sf::Keyboard::BackSpace));
    EXPECT_FALSE(form.value(Field::Pain)) << "taking back the only digit leaves it empty";
    type(form, "abc");
    EXPECT_FALSE(form.value(Field::Pain));
}

TEST(CheckInForm, NumbersStayInTheirRanges) {
    CheckInForm form;
    form.open(kNight);
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Left)));
    EXPECT_EQ(form.value(Field::Cramps), 0);
    for (int i = 0; i < 30; ++i)
        form.keyPressed(key(sf::Keyboard::Right));
    EXPECT_EQ(form.value(Field::Cramps), kMaxCramps);
    form.focus(Field::Sleep);
    for (int i = 0; i < 30; ++i)
        form.change(Field::Sleep, 1);
    EXPECT_EQ(form.value(Field::Sleep), kMaxScale);
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Down)) &&
                 form.keyPressed(key(sf::Keyboard::Down)) &&
                 form.keyPressed(key(sf::Keyboard::Down)));
    EXPECT_EQ(form.focused(), Field::Symptoms) << "the symptom questions come last";
    form.focus(Field::Cramps);
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Up)));
    form.keyPressed(key(sf::Keyboard::Tab, true)); // Shift+Tab wraps to the last field
    EXPECT_EQ(form.focused(), Field::Symptoms);
}

TEST(CheckInForm, EscapeLeavesWithoutSaving) {
    CheckInForm form;
    form.open(kNight);
    type(form, "4");
    form.keyPressed(key(sf::Keyboard::Escape));
    EXPECT_EQ(form.outcome(), CheckInForm::Outcome::Dismissed);
    // Once closed, nothing more changes it.
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Enter)));
    EXPECT_FALSE(form.textEntered('9'));
    EXPECT_EQ(form.outcome(), CheckInForm::Outcome::Dismissed);
}

TEST(CheckInForm, EditingAPastNightStartsFromWhatWasSaved) {
    CheckIn before;
    before.night = kNight.str();
    before.cramps = 3;
    before.pain = 6;
    before.note = "woke twice";
    CheckInForm form;
    form.open(kNight, before);
    EXPECT_TRUE(form.editing());
    EXPECT_EQ(form.value(Field::Cramps), 3);
    EXPECT_EQ(form.value(Field::Pain), 6);
    EXPECT_FALSE(form.value(Field::Sleep)); // not recorded then: still empty
    form.focus(Field::Note);
    type(form, ", then slept");
    form.save();
    const CheckIn after = form.result(0);
    EXPECT_EQ(after.cramps, 3);
    EXPECT_EQ(after.note, "woke twice, then slept");
    EXPECT_FALSE(after.sleep) << "an empty field saved as empty";
}

// Issue 18: untouched is empty; − on an empty scale says 0 (none), + counts from 0.
TEST(CheckInForm, PainAndSleepStayEmptyUntilTouched) {
    CheckInForm form;
    form.open(kNight);
    EXPECT_FALSE(form.value(Field::Pain));
    EXPECT_FALSE(form.value(Field::Sleep));
    EXPECT_EQ(form.value(Field::Cramps), 0) << "cramps are always a number";
    form.focus(Field::Pain);
    EXPECT_TRUE(form.keyPressed(key(sf::Keyboard::Left)));
    EXPECT_EQ(form.value(Field::Pain), 0);
    form.focus(Field::Sleep);
    EXPECT_TRUE(form.keyPressed(key(sf::Keyboard::Right)));
    EXPECT_EQ(form.value(Field::Sleep), 1);
    form.keyPressed(key(sf::Keyboard::BackSpace));
    EXPECT_FALSE(form.value(Field::Sleep)) << "Backspace empties it again";
    const CheckIn saved = form.result(0);
    EXPECT_EQ(saved.pain, 0);
    EXPECT_FALSE(saved.sleep);
    form.focus(Field::Cramps);
    type(form, "2");
    form.keyPressed(key(sf::Keyboard::BackSpace));
    EXPECT_EQ(form.value(Field::Cramps), 0);
}

// Issue 18: what the form opened with is not a change; anything typed, ticked or taken back is.
TEST(CheckInForm, KnowsWhenSomethingWasEntered) {
    CheckIn before;
    before.night = kNight.str();
    before.cramps = 2;
    before.pain = 4;
    before.symptoms = {Symptom::Swelling};
    CheckInForm form;
    form.open(kNight, before);
    EXPECT_TRUE(form.symptom(Symptom::Swelling)) << "a saved yes shows as yes";
    EXPECT_FALSE(form.hasChanges());
    form.keyPressed(key(sf::Keyboard::Down));
    form.keyPressed(key(sf::Keyboard::Tab));
    EXPECT_FALSE(form.hasChanges()) << "moving is not a change";
    form.focus(Field::Symptoms);
    type(form, " ");
    EXPECT_TRUE(form.hasChanges());
    EXPECT_TRUE(form.result(0).symptoms.empty()) << "Space took the yes back";
    type(form, " ");
    EXPECT_FALSE(form.hasChanges()) << "back to what was saved";
    form.focus(Field::Note);
    type(form, "x");
    EXPECT_TRUE(form.hasChanges());

    form.open(kNight, std::nullopt, 1);
    EXPECT_FALSE(form.hasChanges()) << "the reliefs' count is where it starts";
    form.focus(Field::Sleep);
    type(form, "0");
    EXPECT_TRUE(form.hasChanges()) << "a 0 typed is an answer";
}

TEST(CheckInForm, TheNoteStaysShort) {
    CheckInForm form;
    form.open(kNight);
    form.focus(Field::Note);
    type(form, std::string(400, 'a'));
    EXPECT_EQ(form.note().getSize(), CheckInForm::kMaxNoteLength);
    type(form, "\r\t\x1b");
    EXPECT_EQ(form.note().getSize(), CheckInForm::kMaxNoteLength);
}

TEST(CheckInOverlay, FitsEverySizeAndItsTargetsWork) {
    ASSERT_NE(test::theme(), nullptr);
    CheckInOverlay overlay(*test::theme());
    const Date tonight = kNight.plus(1);
    overlay.open(kNight, tonight, std::nullopt);
    overlay.form().focus(Field::Note);
    for (const char c : std::string("Cramp in the left calf around three, walked it off"))
        overlay.form().textEntered(static_cast<sf::Uint32>(c));
    for (auto size : {sf::Vector2u{1280, 800}, sf::Vector2u{800, 600}, sf::Vector2u{1920, 1080}}) {
        const sf::Image image = test::render({&overlay}, size);
        const std::string name = "checkin-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        for (const auto& bounds : overlay.textBounds())
            EXPECT_TRUE(test::inside(bounds, size))
                << name << ": text cut off at " << bounds.left << "," << bounds.top;
        const test::PixelStats stats = test::measure(image);
        EXPECT_LT(stats.meanLuminance, 60.0) << name;
        EXPECT_LT(stats.brightFraction, 0.05) << name;
        EXPECT_LT(stats.blueFraction, 0.001) << name;
    }

    // Click the middle of each target, as found by scanning the panel.
    overlay.layout({800.f, 600.f});
    auto find = [&](CheckInOverlay::Target target, Field field) -> std::optional<sf::Vector2f> {
        for (float y = 0.f; y < 600.f; y += 4.f)
            for (float x = 0.f; x < 800.f; x += 4.f) {
                const auto hit = overlay.hitAt({x, y});
                if (hit.target == target &&
                    (target != CheckInOverlay::Target::Plus || hit.field == field))
                    return sf::Vector2f{x + 6.f, y + 6.f};
            }
        return std::nullopt;
    };
    const auto plusPain = find(CheckInOverlay::Target::Plus, Field::Pain);
    ASSERT_TRUE(plusPain);
    EXPECT_TRUE(overlay.click(*plusPain));
    EXPECT_TRUE(overlay.click(*plusPain));
    EXPECT_EQ(overlay.form().value(Field::Pain), 2);
    EXPECT_EQ(overlay.form().focused(), Field::Pain);
    const auto save = find(CheckInOverlay::Target::Save, Field::Cramps);
    ASSERT_TRUE(save);
    overlay.click(*save);
    EXPECT_EQ(overlay.form().outcome(), CheckInForm::Outcome::Saved);

    overlay.open(kNight, tonight, std::nullopt);
    const auto notNow = find(CheckInOverlay::Target::NotNow, Field::Cramps);
    ASSERT_TRUE(notNow);
    overlay.click(*notNow);
    EXPECT_EQ(overlay.form().outcome(), CheckInForm::Outcome::Dismissed);
}

TEST(CheckInForm, SymptomQuestionsAreAnsweredWithSpaceYOrNAndChosenWithTheArrows) {
    CheckInForm form;
    form.open(kNight);
    EXPECT_TRUE(form.symptomsAnsweredYes().empty()) << "every question starts at no";
    form.focus(Field::Symptoms);
    EXPECT_EQ(form.symptomInFocus(), Symptom::Swelling);
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Left))) << "already the first";
    type(form, " ");
    EXPECT_TRUE(form.symptom(Symptom::Swelling));
    type(form, " ");
    EXPECT_FALSE(form.symptom(Symptom::Swelling)) << "Space again takes it back";
    form.keyPressed(key(sf::Keyboard::Right));
    form.keyPressed(key(sf::Keyboard::Right));
    EXPECT_EQ(form.symptomInFocus(), Symptom::Numbness);
    type(form, "y");
    form.keyPressed(key(sf::Keyboard::Right));
    type(form, "Y");
    EXPECT_FALSE(form.keyPressed(key(sf::Keyboard::Right))) << "already the last";
    type(form, "n");
    EXPECT_EQ(form.symptomsAnsweredYes(), std::vector<Symptom>{Symptom::Numbness});
    EXPECT_EQ(form.value(Field::Cramps), 0) << "letters and arrows there change no number";
    form.keyPressed(key(sf::Keyboard::Enter));
    EXPECT_EQ(form.outcome(), CheckInForm::Outcome::Saved);
}

TEST(CheckInForm, CrampsStartFromTheReliefsOfThatNightUnlessAlreadyWrittenDown) {
    CheckInForm form;
    form.open(kNight, std::nullopt, 3);
    EXPECT_EQ(form.value(Field::Cramps), 3);
    CheckIn existing;
    existing.night = kNight.str();
    existing.cramps = 1;
    form.open(kNight, existing, 3);
    EXPECT_EQ(form.value(Field::Cramps), 1) << "what the person wrote wins";
}

TEST(CheckInOverlay, AClickOnASymptomAnswersItAndEverythingFits) {
    CheckInOverlay overlay(*test::theme());
    overlay.open(kNight, kNight.plus(1), std::nullopt);
    for (const sf::Vector2u size : {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}}) {
        overlay.layout({static_cast<float>(size.x), static_cast<float>(size.y)});
        for (const auto& bounds : overlay.textBounds())
            EXPECT_TRUE(test::inside(bounds, size)) << size.x << "x" << size.y;
    }
    overlay.layout({1280.f, 800.f});
    // Find the "Numbness" answer by scanning the symptom row for its target.
    bool clicked = false;
    for (float x = 0; x < 1280.f && !clicked; x += 4.f)
        for (float y = 0; y < 800.f && !clicked; y += 4.f) {
            const auto hit = overlay.hitAt({x, y});
            if (hit.target == CheckInOverlay::Target::Symptom && hit.symptom == Symptom::Numbness) {
                EXPECT_TRUE(overlay.click({x, y}));
                clicked = true;
            }
        }
    ASSERT_TRUE(clicked) << "no target for the numbness question";
    EXPECT_TRUE(overlay.form().symptom(Symptom::Numbness));
    EXPECT_EQ(overlay.form().focused(), Field::Symptoms);
}

// Issue 18: "Save what you entered?" over the form, three answers, at every size.
TEST(CheckInOverlay, TheSaveQuestionOverTheFormFitsEverySize) {
    ASSERT_NE(test::theme(), nullptr);
    CheckInOverlay form(*test::theme());
    form.open(kNight, kNight.plus(1), std::nullopt);
    type(form.form(), "2");
    QuestionOverlay question(*test::theme(), "Save what you entered?",
                             "Your diary of Wednesday 11 March is not saved yet.", "Save  (Enter)",
                             "Back  (Esc)", "Discard  (D)");
    for (auto size : {sf::Vector2u{800, 600}, sf::Vector2u{1280, 800}, sf::Vector2u{1920, 1080}}) {
        const sf::Image image = test::render({&form, &question}, size);
        const std::string name =
            "checkin-save-question-" + std::to_string(size.x) + "x" + std::to_string(size.y);
        test::saveArtifact(image, name);
        test::expectFitsAndCalm(question, image, size, name);
        // Three buttons side by side, none over another, each answering for itself.
        const sf::FloatRect accept = question.acceptBox();
        const sf::FloatRect other = question.otherBox();
        const sf::FloatRect decline = question.declineBox();
        EXPECT_LT(accept.left + accept.width, other.left) << name;
        EXPECT_LT(other.left + other.width, decline.left) << name;
        const auto centre = [](sf::FloatRect box) {
            return sf::Vector2f{box.left + box.width / 2.f, box.top + box.height / 2.f};
        };
        EXPECT_EQ(question.buttonAt(centre(accept)), QuestionOverlay::Answer::Accept);
        EXPECT_EQ(question.buttonAt(centre(other)), QuestionOverlay::Answer::Other);
        EXPECT_EQ(question.buttonAt(centre(decline)), QuestionOverlay::Answer::Decline);
    }
}

} // namespace
} // namespace ns

// Parse errors as sentences: the kind of error decides the sentence, the parser's text only
// gives the names and values it is about.
#include "usage_errors.hpp"

#include <cctype>
#include <vector>

namespace ns {

namespace {

// "nightstretch check", or "nightstretch" when no subcommand was reached.
std::string commandName(const CLI::App& app) {
    std::string name = "nightstretch";
    for (const CLI::App* sub : app.get_subcommands())
        if (sub != nullptr) name += " " + sub->get_name();
    return name;
}

// The subcommand the mistake is in, or the app itself.
const CLI::App& deepest(const CLI::App& app) {
    const std::vector<CLI::App*> used = app.get_subcommands();
    return used.empty() || used.back() == nullptr ? app : *used.back();
}

std::string seeHelp(const CLI::App& app) {
    return "see '" + commandName(app) + " --help'";
}

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

std::string lowerFirst(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// What an option or argument is, for a person: "routine files", "--cramps N (number of
// cramps, 0 to 20)".
std::string describe(const CLI::App& app, const std::string& name) {
    const CLI::App& where = deepest(app);
    const CLI::Option* option = where.get_option_no_throw(name);
    if (option == nullptr) option = app.get_option_no_throw(name);
    if (option == nullptr) return name;
    const std::string description = lowerFirst(option->get_description());
    if (option->get_positional() && !option->nonpositional()) {
        if (option->get_items_expected_max() > 1) return "one or more " + description;
        return description.empty() ? name : "the " + description;
    }
    std::string text = name;
    const std::string valueName = option->get_option_text();
    if (!valueName.empty()) text += " " + valueName;
    if (!description.empty()) text += " (" + description + ")";
    return text;
}

// The text before ": " in a parser message ("--side: ..."), or empty.
std::string nameBeforeColon(const std::string& message) {
    const auto colon = message.find(": ");
    return colon == std::string::npos ? std::string() : message.substr(0, colon);
}

std::string quoteWords(const std::string& words) {
    return "'" + words + "'";
}

} // namespace

std::string usageSentence(const CLI::ParseError& error, const CLI::App& app) {
    const std::string message = error.what();
    const std::string command = commandName(app);

    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        const std::string suffix = " is required";
        if (message.size() > suffix.size() &&
            message.compare(message.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const std::string name = message.substr(0, message.size() - suffix.size());
            return "'" + command + "' needs " + describe(app, name) + "; " + seeHelp(app) + ".";
        }
        return "'" + command + "' is missing something it needs; " + seeHelp(app) + ".";
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        const std::string name = nameBeforeColon(message);
        if (message.find("At Most") != std::string::npos)
            return (name.empty() ? std::string("an option") : name) +
                   " was given more than once; give it once (" + seeHelp(app) + ").";
        if (!name.empty()) return name + " needs a value after it; " + seeHelp(app) + ".";
        return "'" + command + "' was given the wrong number of values; " + seeHelp(app) + ".";
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
        const auto colon = message.find(": ");
        const std::string extras =
            colon == std::string::npos ? std::string() : message.substr(colon + 2);
        if (startsWith(extras, "-"))
            return "'" + command + "' has no option " + quoteWords(extras) + "; " + seeHelp(app) +
                   ".";
        if (app.get_subcommands().empty())
            return quoteWords(extras) + " is not a nightstretch command; " + seeHelp(app) +
                   " for the list.";
        return "'" + command + "' did not expect " + quoteWords(extras) + "; " + seeHelp(app) + ".";
    }
    if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr ||
        dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
        std::string name = nameBeforeColon(message);
        const auto forName = message.find(" for ");
        if (name.empty() && forName != std::string::npos) name = message.substr(forName + 5);
        if (!name.empty()) {
            const CLI::Option* option = deepest(app).get_option_no_throw(name);
            const std::string choices = option != nullptr ? option->get_option_text() : "";
            return name + " does not take that value" +
                   (choices.find('|') != std::string::npos ? "; it takes " + choices : "") + "; " +
                   seeHelp(app) + ".";
        }
        return "a value on the command line is not one it takes; " + seeHelp(app) + ".";
    }
    if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
        const auto at = message.find(" excludes ");
        if (at != std::string::npos)
            return message.substr(0, at) + " and " + message.substr(at + 10) +
                   " cannot be used together; " + seeHelp(app) + ".";
    }
    if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
        const auto at = message.find(" requires ");
        if (at != std::string::npos)
            return message.substr(0, at) + " needs " + message.substr(at + 10) + " too; " +
                   seeHelp(app) + ".";
    }
    return "'" + command + "' could not make sense of that command line; " + seeHelp(app) + ".";
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
    std::string opts = CLI::Formatter::make_option_opts(option);
    // The lists come last on the line, "Needs" before "Excludes".
    for (const std::string& label : {get_label("Needs"), get_label("Excludes")}) {
        const auto at = opts.find(" " + label + ":");
        if (at != std::string::npos) opts.erase(at);
    }
    return opts;
}

} // namespace ns

// Command-line mistakes in our own words: the parser's messages ("files is required", "At Most 1
// required but received 2") are for programmers, so each kind of ParseError becomes a sentence
// that names the command, what it wanted and where to read more. Help is in people's words too.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace ns {

// The sentence for a parse error of `app` (after app.parse threw), without the "nightstretch: "
// prefix and without a newline.
std::string usageSentence(const CLI::ParseError& error, const CLI::App& app);

// Help as a person reads it: an option's line shows what it takes, without the parser's
// "Needs: ..." and "Excludes: ..." (using them wrongly is told in words by usageSentence).
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_option_opts(const CLI::Option* option) const override;
};

} // namespace ns

// Keys from standard input for the terminal front ends: a byte, Enter, or an arrow's escape
// sequence read whole, so a stray sequence is one key and a lone Esc is Esc.
#pragma once

namespace ns {

struct TermKey {
    enum Kind { None, Char, Enter, Escape, Left, Right, Up, Down, Other, End };
    Kind kind = None;
    char ch = 0; // for Char

    // A letter or a space, either case: is('q') is Q too.
    bool is(char lower) const;
};

// The next key, waiting up to `waitMs` for it (-1: until one comes). None when nothing came in
// time, End when the input has ended.
TermKey readTermKey(int waitMs = 0);

} // namespace ns

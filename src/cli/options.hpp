// options.hpp — reading a command's options, argv[2] on, the same way in every
// command: a missing value, a bad date, a bad NAME=VALUE or an unknown option
// prints "sipolicy: MESSAGE" and the command's help (Usage), and the reader
// returns false.
//
//   OptionReader in(argc, argv, kBatchHelp);
//   while (in.Next()) {
//     if (in.Is("--pack")) {
//       if (!in.Value(&v)) return false;
//     } else if (!in.Argument(&o->args)) {
//       return false;
//     }
//   }
#ifndef SIPOLICY_SRC_CLI_OPTIONS_HPP_
#define SIPOLICY_SRC_CLI_OPTIONS_HPP_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/period.hpp"

namespace sipolicy::cli {

class OptionReader {
 public:
  OptionReader(int argc, char** argv, const char* help) : argc_(argc), argv_(argv), help_(help) {}

  // Moves to the next argument; false after the last.
  bool Next() {
    if (++i_ >= argc_) return false;
    arg_ = argv_[i_];
    return true;
  }
  const std::string& arg() const { return arg_; }
  bool Is(std::string_view name) const { return arg_ == name; }

  // The argument after the option.
  bool Value(std::string* out) {
    if (i_ + 1 >= argc_) return Fail(internal::Cat(arg_, " needs a value"));
    *out = argv_[++i_];
    return true;
  }
  // A YYYY-MM-DD value, kept as written.
  bool DateValue(std::optional<std::string>* out) {
    std::string v;
    if (!Value(&v)) return false;
    if (!Date::Parse(v).ok()) return Fail(internal::Cat(arg_, ": '", v, "' is not a date YYYY-MM-DD"));
    *out = std::move(v);
    return true;
  }
  // A value among `allowed`; `message` for any other.
  bool Choice(std::string* out, std::initializer_list<std::string_view> allowed, const char* message) {
    std::string v;
    if (!Value(&v)) return false;
    for (std::string_view a : allowed) {
      if (v == a) {
        *out = std::move(v);
        return true;
      }
    }
    return Fail(message);
  }
  // --set NAME=VALUE, appended to `out`.
  bool Assignment(std::vector<std::pair<std::string, std::string>>* out) {
    std::string v;
    if (!Value(&v)) return false;
    const std::size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Fail(internal::Cat(arg_, " needs NAME=VALUE, not '", v, "'"));
    }
    out->emplace_back(v.substr(0, eq), v.substr(eq + 1));
    return true;
  }
  // Not an option ("-" alone is a file name): appended to `args`; an unknown
  // option is the error.
  bool Argument(std::vector<std::string>* args) {
    if (arg_.size() > 1 && arg_[0] == '-') return Fail(internal::Cat("unknown option '", arg_, "'"));
    args->push_back(arg_);
    return true;
  }

 private:
  bool Fail(const std::string& message) {
    Usage(message, help_);
    return false;
  }

  int argc_;
  char** argv_;
  const char* help_;
  int i_ = 1;
  std::string arg_;
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_OPTIONS_HPP_

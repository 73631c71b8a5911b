// sipolicy/internal/status_macros.hpp — passing an error up without writing
// the check out each time, and the errors that name their field.
//
//   absl::StatusOr<Money> Fee(const Catalog& catalog, const LateFeeRequest& req, Exact rate) {
//     SIPOLICY_RETURN_IF_ERROR(NonNegative(req.amount, "amount"));
//     SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact product, Multiply(Exact::Of(req.amount), rate),
//                                     "amount");
//     SIPOLICY_ASSIGN_OR_RETURN(Money fee, RoundToMoney(product, RoundingRule{}));
//     return fee;
//   }
//
// SIPOLICY_ASSIGN_OR_RETURN(lhs, expr): `expr` is an absl::StatusOr<T>; its
// error is returned as is, else its value is moved into `lhs`, which may
// declare (`auto x`, `const Money x`) or name an lvalue (`res.due`). The
// _FIELD form returns the error with its field set to `field` (WithField:
// the JSON result's "field", the C ABI's error field). Both expand to
// several statements: not the body of an unbraced if, at most one a line,
// and a type with a comma wants an alias. The OK path adds no allocation;
// nothing throws.
#ifndef SIPOLICY_INTERNAL_STATUS_MACROS_HPP_
#define SIPOLICY_INTERNAL_STATUS_MACROS_HPP_

#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sipolicy/internal/reader.hpp"

// Returns the absl::Status that `expr` gives when it is not OK.
#define SIPOLICY_RETURN_IF_ERROR(expr)                                                       \
  do {                                                                                       \
    if (::absl::Status sipolicy_status_macro_ = (expr); !sipolicy_status_macro_.ok()) {      \
      return sipolicy_status_macro_;                                                         \
    }                                                                                        \
  } while (false)

#define SIPOLICY_ASSIGN_OR_RETURN(lhs, expr) \
  SIPOLICY_STATUS_MACROS_ASSIGN_(SIPOLICY_STATUS_MACROS_CONCAT_(sipolicy_statusor_, __LINE__), lhs, expr)

#define SIPOLICY_ASSIGN_OR_RETURN_FIELD(lhs, expr, field)                                        \
  SIPOLICY_STATUS_MACROS_ASSIGN_FIELD_(SIPOLICY_STATUS_MACROS_CONCAT_(sipolicy_statusor_, __LINE__), \
                                       lhs, expr, field)

// Implementation details: the temporary is named after the line.
#define SIPOLICY_STATUS_MACROS_CONCAT_INNER_(a, b) a##b
#define SIPOLICY_STATUS_MACROS_CONCAT_(a, b) SIPOLICY_STATUS_MACROS_CONCAT_INNER_(a, b)
#define SIPOLICY_STATUS_MACROS_ASSIGN_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return std::move(tmp).status();       \
  lhs = *std::move(tmp)
#define SIPOLICY_STATUS_MACROS_ASSIGN_FIELD_(tmp, lhs, expr, field)                        \
  auto tmp = (expr);                                                                      \
  if (!tmp.ok()) return ::sipolicy::internal::WithField(std::move(tmp).status(), field); \
  lhs = *std::move(tmp)

namespace sipolicy::internal {

// An error naming the request field it is about ("base", "ledger[2].paid").
inline absl::Status Invalid(std::string_view field, std::string message) {
  return WithField(absl::InvalidArgumentError(std::move(message)), field);
}
inline absl::Status NotFound(std::string_view field, std::string message) {
  return WithField(absl::NotFoundError(std::move(message)), field);
}
inline absl::Status OutOfRange(std::string_view field, std::string message) {
  return WithField(absl::OutOfRangeError(std::move(message)), field);
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_STATUS_MACROS_HPP_

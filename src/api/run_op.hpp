// run_op.hpp — private to src/: the steps every single-request JSON operation
// takes (src/contribution/json_ops_contribution.cc,
// src/employment/json_ops_employment.cc), so that each operation states only
// which members it reads, which calculation it calls and which fields it
// answers:
//
//   void ReadLateFee(ObjectReader& r, ReadError&, LateFeeRequest& req) { r.Read("amount", &req.amount); … }
//   void WriteLateFee(const LateFeeResult& res, json::Value& out) { out.Set("days", IntJson(res.days)); … }
//   {"late_fee", &RunOp<LateFeeRequest, ReadLateFee, ComputeLateFee, WriteLateFee>, "滞纳金: …"}
#ifndef SIPOLICY_SRC_API_RUN_OP_HPP_
#define SIPOLICY_SRC_API_RUN_OP_HPP_

#include <optional>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/json_ops.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {

// An OpHandler: the request dated by the dispatcher's as_of, its members read
// by Read(r, error, req) — `error` for the readers of nested objects — then
// reading finished (an unknown member is an error), the calculation
// Compute(catalog, req), and the result: the fields Write(res, out) sets,
// then "rules" and "trace".
template <class Request, auto Read, auto Compute, auto Write>
absl::StatusOr<json::Value> RunOp(const Catalog& catalog, ObjectReader& r, ReadError& error,
                                  std::optional<Date> as_of) {
  Request req;
  req.as_of = as_of;
  Read(r, error, req);
  r.Finish();
  SIPOLICY_RETURN_IF_ERROR(ReadStatus(r, error));
  SIPOLICY_ASSIGN_OR_RETURN(const auto res, Compute(catalog, req));
  json::Value out = json::Value::Object();
  Write(res, out);
  AddRulesAndTrace(out, res.explanation);
  return out;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_API_RUN_OP_HPP_

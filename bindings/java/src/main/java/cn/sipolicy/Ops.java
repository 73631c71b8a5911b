package cn.sipolicy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The table of JSON operations: name, Engine method, request/result records, writer, reader. */
final class Ops {
  private Ops() {}

  /** One operation. */
  record Op<Q extends Request<R>, R>(String name, String method, Class<Q> requestType,
      Class<R> resultType, BiConsumer<Q, JsonWriter> writer, Function<JsonObject, R> reader) {}

  /** Every operation, in the order of the docs. */
  static final List<Op<?, ?>> ALL = List.of(
      new Op<>("contribution", "contribution",
          ContributionRequest.class, ContributionResult.class,
          ContributionRequest::write, ContributionResult::from),
      new Op<>("late_fee", "lateFee",
          LateFeeRequest.class, LateFeeResult.class,
          LateFeeRequest::write, LateFeeResult::from),
      new Op<>("deferral", "deferral",
          DeferralRequest.class, DeferralResult.class,
          DeferralRequest::write, DeferralResult::from),
      new Op<>("overpayment", "overpayment",
          OverpaymentRequest.class, OverpaymentResult.class,
          OverpaymentRequest::write, OverpaymentResult::from),
      new Op<>("stable_job_refund", "stableJobRefund",
          StableJobRefundRequest.class, StableJobRefundResult.class,
          StableJobRefundRequest::write, StableJobRefundResult::from),
      new Op<>("stable_job_screening", "stableJobScreening",
          StableJobScreeningRequest.class, StableJobScreeningResult.class,
          StableJobScreeningRequest::write, StableJobScreeningResult::from),
      new Op<>("difficult_enterprise_refund", "difficultEnterpriseRefund",
          DifficultEnterpriseRefundRequest.class, DifficultEnterpriseRefundResult.class,
          DifficultEnterpriseRefundRequest::write, DifficultEnterpriseRefundResult::from),
      new Op<>("skill_subsidy", "skillSubsidy",
          SkillSubsidyRequest.class, SkillSubsidyResult.class,
          SkillSubsidyRequest::write, SkillSubsidyResult::from),
      new Op<>("work_training_subsidy", "workTrainingSubsidy",
          WorkTrainingSubsidyRequest.class, WorkTrainingSubsidyResult.class,
          WorkTrainingSubsidyRequest::write, WorkTrainingSubsidyResult::from),
      new Op<>("social_insurance_subsidy", "socialInsuranceSubsidy",
          SocialInsuranceSubsidyRequest.class, SocialInsuranceSubsidyResult.class,
          SocialInsuranceSubsidyRequest::write, SocialInsuranceSubsidyResult::from),
      new Op<>("retention_training_subsidy", "retentionTrainingSubsidy",
          RetentionTrainingSubsidyRequest.class, RetentionTrainingSubsidyResult.class,
          RetentionTrainingSubsidyRequest::write, RetentionTrainingSubsidyResult::from),
      new Op<>("job_expansion_subsidy", "jobExpansionSubsidy",
          JobExpansionSubsidyRequest.class, JobExpansionSubsidyResult.class,
          JobExpansionSubsidyRequest::write, JobExpansionSubsidyResult::from),
      new Op<>("entrepreneurship_subsidy", "entrepreneurshipSubsidy",
          EntrepreneurshipSubsidyRequest.class, EntrepreneurshipSubsidyResult.class,
          EntrepreneurshipSubsidyRequest::write, EntrepreneurshipSubsidyResult::from),
      new Op<>("classify_enterprise", "classifyEnterprise",
          ClassifyEnterpriseRequest.class, ClassifyEnterpriseResult.class,
          ClassifyEnterpriseRequest::write, ClassifyEnterpriseResult::from),
      new Op<>("collection_target", "collectionTarget",
          CollectionTargetRequest.class, CollectionTargetResult.class,
          CollectionTargetRequest::write, CollectionTargetResult::from));

  private static final Map<Class<?>, Op<?, ?>> BY_REQUEST = new HashMap<>();
  private static final Map<String, Op<?, ?>> BY_NAME = new LinkedHashMap<>();

  static {
    for (Op<?, ?> op : ALL) {
      BY_REQUEST.put(op.requestType(), op);
      BY_NAME.put(op.name(), op);
    }
  }

  /** The operation of a request. */
  @SuppressWarnings("unchecked")
  static <R> Op<Request<R>, R> of(Request<R> request) {
    Op<?, ?> op = BY_REQUEST.get(request.getClass());
    if (op == null) {
      throw new IllegalArgumentException("not a request record: " + request.getClass());
    }
    return (Op<Request<R>, R>) op;
  }

  /** The operation of that JSON name, or null. */
  static Op<?, ?> byName(String name) {
    return BY_NAME.get(name);
  }

  /**
   * Appends the request as one line of JSON: {"op", "id" (when id ≥ 0),
   * "explain" (when set), "detail": "full" (when fullRules is set), the
   * request's members}.
   *
   * @throws IllegalArgumentException for text that cannot be encoded (an unpaired surrogate)
   */
  static <R> void write(Request<R> request, boolean explain, boolean fullRules, long id,
      StringBuilder out) {
    JsonWriter w = new JsonWriter(out);
    w.beginObject();
    w.string("op", request.op());
    if (id >= 0) w.number("id", id);
    if (explain) w.bool("explain", true);
    if (fullRules) w.string("detail", "full");
    of(request).writer().accept(request, w);
    w.endObject();
  }

  /** The request as one line of JSON, without an id. */
  static <R> String json(Request<R> request, boolean explain, boolean fullRules) {
    StringBuilder sb = new StringBuilder(256);
    write(request, explain, fullRules, -1, sb);
    return sb.toString();
  }

  /**
   * Reads one result line of a request: its result, or (for {"ok":false}) its error.
   * In a batch ({@code inBatch}) the line's id must be {@code index}, and a
   * result whose fields this binding cannot read becomes an "internal" item.
   *
   * @throws InternalException when the line is not a result this binding can read
   */
  static <R> BatchItem<R> read(Request<R> request, int index, String line, boolean inBatch) {
    JsonObject o;
    try {
      o = JsonReader.parseObject(line);
    } catch (IllegalArgumentException e) {
      throw new InternalException("internal",
          "the library returned a result that is not a JSON object (" + e.getMessage() + "): "
              + (line.length() > 200 ? line.substring(0, 200) + "…" : line), "");
    }
    if (inBatch) { // the echoed id must be the record's index: results in order
      Object id = o.get("id");
      if (!(id instanceof java.math.BigDecimal)
          || ((java.math.BigDecimal) id).compareTo(java.math.BigDecimal.valueOf(index)) != 0) {
        throw new InternalException("internal", "result line " + index
            + " of a batch carries the id " + id + ": the results are out of order", "id");
      }
    }
    if (!o.bool("ok")) return BatchItem.failed(index, SipolicyError.from(o.object("error")));
    try {
      return BatchItem.ok(index, of(request).reader().apply(o));
    } catch (InternalException e) {
      if (!inBatch) throw e;
      // One result this binding cannot read fails its record, not the batch.
      return BatchItem.failed(index, SipolicyError.of(e));
    }
  }
}

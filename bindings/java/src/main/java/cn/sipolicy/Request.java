package cn.sipolicy;

import java.time.LocalDate;

/**
 * A typed request of one JSON operation; {@code R} is its result record.
 * {@link Engine#evaluate(Request)} evaluates any of them, {@link
 * Engine#batch(java.util.List)} many at once.
 *
 * @param <R> the result record of the operation
 */
public sealed interface Request<R> permits
    ContributionRequest,
    LateFeeRequest,
    DeferralRequest,
    OverpaymentRequest,
    StableJobRefundRequest,
    StableJobScreeningRequest,
    DifficultEnterpriseRefundRequest,
    SkillSubsidyRequest,
    WorkTrainingSubsidyRequest,
    SocialInsuranceSubsidyRequest,
    RetentionTrainingSubsidyRequest,
    JobExpansionSubsidyRequest,
    EntrepreneurshipSubsidyRequest,
    ClassifyEnterpriseRequest,
    CollectionTargetRequest {
  /** The JSON operation name ("contribution", …). */
  String op();

  /** Only documents issued on or before this date count; null: every document. */
  LocalDate asOf();
}

package cn.sipolicy;

import java.lang.ref.Cleaner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sipolicy engine: the built-in policy catalog plus any packs loaded into
 * it. Wraps one native {@code sipolicy_engine*}.
 *
 * <p>Three ways to evaluate, from the most convenient to the fastest:
 * <ul>
 *   <li>typed calls — {@code contribution(ContributionRequest)} and one method
 *       per JSON operation, or {@link #evaluate(Request)} for any request
 *       record — returning result records (through sipolicy_eval_json);
 *   <li>typed batches — {@code contributionBatch(List)} etc., or {@link
 *       #batch(List)} — one sipolicy_eval_jsonl call for the whole list, a
 *       {@link BatchItem} per record with its result or its error;
 *   <li>columnar batches — {@link #batch(String, Columns, String...)},
 *       {@link #contributionColumns}, {@link #stableJobRefundColumns} —
 *       primitive arrays in and out, sipolicy_batch over chunks of records, no JSON.
 * </ul>
 *
 * <p>The paper trail (docs/receipts.md): {@link #catalogHash()}, {@link
 * #packs()}, signed packs ({@link #trustKey}, {@link #loadPack(String, String,
 * String)}) and receipts ({@link #receipt}, {@link #replayReceipt(String)}).
 *
 * <p>Thread safety: one engine may be used from any number of threads at
 * once, including {@link #loadPack}. {@link #close()} waits for calls already
 * running on other threads and then frees the native engine; any later call
 * throws {@link IllegalStateException}. close() is idempotent. If an engine
 * is never closed, a {@link Cleaner} frees the native engine once the Java
 * object is unreachable — use try-with-resources rather than relying on it.
 *
 * <p>Failures reported by the library are thrown as subclasses of
 * {@link SipolicyException}; values this binding rejects before calling the
 * library (money with more than two decimals, rates too precise for an int64
 * fraction, text that is not valid Unicode) as {@link IllegalArgumentException};
 * missing arguments as {@link NullPointerException}.
 */
public final class Engine implements AutoCloseable {
  /** Native engines freed by the Cleaner rather than close() (for tests). */
  static final AtomicLong FREED_BY_CLEANER = new AtomicLong();

  // The native engine, its lifetime and its locks (EngineHandle).
  private final EngineHandle handle;

  private Engine(EngineHandle handle) {
    this.handle = handle;
  }

  /** A new engine with the built-in catalog. */
  public static Engine create() {
    return new Engine(EngineHandle.create());
  }

  /** Frees the native engine, after calls already running have finished. Idempotent. */
  @Override
  public void close() {
    handle.close();
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    return handle.isClosed();
  }

  // --- Packs ------------------------------------------------------------------

  /**
   * Loads a policy pack (JSON with // comments) given as text. On any error
   * the engine is unchanged.
   *
   * @param source names the pack in error messages; may be null
   * @throws ParseErrorException when the pack is not valid JSON
   * @throws InvalidArgumentException for a pack the library rejects
   */
  public void loadPack(String text, String source) {
    byte[] t = NativeLib.utf8z(text, "text");
    byte[] s = source == null ? null : Convert.cstring(source, "source");
    handle.changeCatalog(h -> NativeLib.sipolicy_engine_load_pack(h, t, NativeLib.lengthOf(t), s));
  }

  /**
   * Loads a policy pack with its detached signature: the text of the PACK.sig
   * file {@code sipolicy sign} writes, checked against the pack's exact bytes
   * before the pack is read. A signature that is given must verify even when
   * the engine trusts no key. Null: unsigned, as {@link #loadPack(String,
   * String)}.
   *
   * @throws PermissionDeniedException when the signature does not match the
   *     pack (edited after signing) or does not verify, or the engine trusts
   *     keys ({@link #trustKey}) and the pack is unsigned or signed by another
   * @throws InvalidArgumentException for a malformed signature (field "signature")
   */
  public void loadPack(String text, String source, String signature) {
    if (signature == null) {
      loadPack(text, source);
      return;
    }
    byte[] t = NativeLib.utf8z(text, "text");
    byte[] s = source == null ? null : Convert.cstring(source, "source");
    byte[] g = NativeLib.utf8z(signature, "signature");
    handle.changeCatalog(h -> NativeLib.sipolicy_engine_load_signed_pack(h, t,
        NativeLib.lengthOf(t), s, g, NativeLib.lengthOf(g)));
  }

  /**
   * Loads a policy pack from a file. The path is passed to the library in the
   * JVM's file-name encoding ({@code sun.jnu.encoding}, UTF-8 in UTF-8
   * locales), so it names the same file as {@link java.nio.file.Files} would.
   * A signature file beside it (PATH.sig) is always checked, and required
   * once the engine trusts a key.
   *
   * @throws NotFoundException when the file cannot be opened
   * @throws PermissionDeniedException as {@link #loadPack(String, String, String)}
   */
  public void loadPackFile(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    byte[] p = NativeLib.pathz(path);
    handle.changeCatalog(h -> NativeLib.sipolicy_engine_load_pack_file(h, p));
  }

  // --- The paper trail: catalog hash, signatures, receipts (docs/receipts.md) -------

  /**
   * Trusts an Ed25519 public key: 64 hex digits, as {@code sipolicy keygen}
   * writes NAME.pub (surrounding whitespace is ignored, so {@code
   * Files.readString(pub)} will do). From then on the engine is fail-closed:
   * every pack loaded must be signed by a trusted key, else {@link
   * PermissionDeniedException} naming the pack and the key. Packs loaded
   * before stay.
   *
   * @throws InvalidArgumentException for text that is not 64 hex digits of a
   *     valid key (field "public_key_hex")
   */
  public void trustKey(String publicKeyHex) {
    Objects.requireNonNull(publicKeyHex, "publicKeyHex must not be null");
    byte[] k = Convert.cstring(publicKeyHex.strip(), "publicKeyHex");
    handle.run(h -> NativeLib.sipolicy_engine_trust_key(h, k));
  }

  /**
   * The content hash of this engine's catalog: 64 lowercase hex digits
   * (SHA-256 over the canonical form of every pack in load order; comments,
   * layout and key order do not change it, any rule does). Every JSON result
   * carries its first 16 digits as "catalog".
   */
  public String catalogHash() {
    return handle.evaluate(null, (out, h, t, n) -> NativeLib.sipolicy_engine_catalog_hash(out, h));
  }

  /** The packs of this engine's catalog, in load order (the built-in ones first). */
  public List<PackInfo> packs() {
    return PackInfo.listFrom(
        handle.evaluate(null, (out, h, t, n) -> NativeLib.sipolicy_engine_packs(out, h)));
  }

  /**
   * Evaluates one JSON request as {@link #callJson} does and returns its
   * receipt line (no newline): {"request","result","catalog" (64 hex),
   * "sipolicy","packs"}. {@link Receipt#parse} reads it.
   */
  public String evalReceipt(String requestJson) {
    return handle.evaluate(NativeLib.utf8z(requestJson, "requestJson"),
        NativeLib::sipolicy_eval_receipt);
  }

  /** The receipt of a typed request (without trace), read into a {@link Receipt}. */
  public Receipt receipt(Request<?> request) {
    Objects.requireNonNull(request, "request must not be null");
    String line = evalReceipt(Ops.json(request, false, false));
    try {
      return Receipt.parse(line);
    } catch (IllegalArgumentException e) {
      throw new InternalException("internal", "sipolicy_eval_receipt wrote " + e.getMessage(), "");
    }
  }

  /**
   * Recomputes a receipt line with this engine and compares (see {@link
   * ReplayResult}). Never throws for a bad receipt: that is kind {@link
   * ReplayResult#BAD_RECEIPT} with the reason in the message.
   */
  public ReplayResult replayReceipt(String receiptLine) {
    String report = handle.evaluate(NativeLib.utf8z(receiptLine, "receiptLine"),
        NativeLib::sipolicy_replay_receipt);
    try {
      return ReplayResult.from(JsonReader.parseObject(report));
    } catch (IllegalArgumentException e) {
      throw JsonObject.mismatch("replay", "is not a JSON object: " + e.getMessage());
    }
  }

  /** As {@link #replayReceipt(String)} for {@link Receipt#line()}. */
  public ReplayResult replayReceipt(Receipt receipt) {
    return replayReceipt(Objects.requireNonNull(receipt, "receipt must not be null").line());
  }

  // --- JSON ---------------------------------------------------------------------

  /**
   * Evaluates one JSON request (see the JSON contract: any "op" the library
   * offers) and returns its one-line JSON result, without a newline. Bad
   * requests are not thrown: they give {"ok":false,"error":{…}} results.
   *
   * @throws SipolicyException only when the library produced no result at all
   */
  public String callJson(String requestJson) {
    return handle.evaluate(NativeLib.utf8z(requestJson, "requestJson"),
        NativeLib::sipolicy_eval_json);
  }

  /**
   * Evaluates JSON Lines: one result line, ending in '\n', per input line (a
   * blank line gives a parse_error result, so line numbers stay aligned).
   */
  public String callJsonLines(String lines) {
    return handle.evaluate(NativeLib.utf8z(lines, "lines"), NativeLib::sipolicy_eval_jsonl);
  }

  // --- Typed calls (JSON underneath) ------------------------------------------------

  /**
   * Evaluates a typed request of any operation and returns its result record
   * (no trace). The request travels as JSON through sipolicy_eval_json and
   * the result is read with an exact, strict JSON reader.
   *
   * @throws SipolicyException (a subclass: {@link InvalidArgumentException},
   *     {@link NotFoundException}, …) when the library refuses the request,
   *     with the library's code, field and message
   * @throws IllegalArgumentException for text that cannot be encoded as UTF-8
   */
  public <R> R evaluate(Request<R> request) {
    return evaluate(request, false);
  }

  /**
   * As {@link #evaluate(Request)}; with {@code explain} the result's {@code
   * trace()} holds the explanation, each step in English and Chinese with the
   * rule it came from, and its rules carry their full documents (as {@link
   * #evaluate(Request, boolean, boolean)} with {@code fullRules} set).
   */
  public <R> R evaluate(Request<R> request, boolean explain) {
    return evaluate(request, explain, explain);
  }

  /**
   * As {@link #evaluate(Request)}, choosing the detail: {@code explain} adds
   * the trace; {@code fullRules} gives each {@link Rule} its document's
   * issuer, title, issue date, region and note (without it, rules are cited
   * by id, 文号 and verified only).
   */
  public <R> R evaluate(Request<R> request, boolean explain, boolean fullRules) {
    Objects.requireNonNull(request, "request must not be null");
    String line = callJson(Ops.json(request, explain, fullRules));
    return Ops.read(request, 0, line, false).orThrow();
  }

  /**
   * Evaluates many requests (of one operation, or of several with the same
   * result type) in one call of sipolicy_eval_jsonl. Never throws for a bad
   * record: each {@link BatchItem} holds its result or its error (code,
   * field, message), in input order. Each request keeps its own {@code asOf}.
   * A null record gives an "invalid_argument" item.
   *
   * @throws SipolicyException only when the library produced no results at all
   */
  public <R> List<BatchItem<R>> batch(List<? extends Request<R>> requests) {
    return batch(requests, false);
  }

  /**
   * As {@link #batch(List)}, with the trace and the full rules of every
   * result when {@code explain} is set.
   */
  public <R> List<BatchItem<R>> batch(List<? extends Request<R>> requests, boolean explain) {
    return batch(requests, explain, explain);
  }

  /**
   * As {@link #batch(List)}, choosing the detail as {@link #evaluate(Request,
   * boolean, boolean)} does.
   */
  public <R> List<BatchItem<R>> batch(List<? extends Request<R>> requests, boolean explain,
      boolean fullRules) {
    return JsonBatch.run(this, requests, explain, fullRules);
  }

  /**
   * One month of employer contribution: due, relief ratio, relief, payable. (op "contribution")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public ContributionResult contribution(ContributionRequest request) {
    return evaluate(request);
  }

  /** Many "contribution" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<ContributionResult>> contributionBatch(List<ContributionRequest> requests) {
    return batch(requests);
  }

  /**
   * 滞纳金: days charged and the fee. (op "late_fee")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public LateFeeResult lateFee(LateFeeRequest request) {
    return evaluate(request);
  }

  /** Many "late_fee" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<LateFeeResult>> lateFeeBatch(List<LateFeeRequest> requests) {
    return batch(requests);
  }

  /**
   * 缓缴: may the period be deferred, and until when. (op "deferral")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public DeferralResult deferral(DeferralRequest request) {
    return evaluate(request);
  }

  /** Many "deferral" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<DeferralResult>> deferralBatch(List<DeferralRequest> requests) {
    return batch(requests);
  }

  /**
   * 退费/冲抵: overpayment per period, refund or offsets, remaining credit. (op "overpayment")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public OverpaymentResult overpayment(OverpaymentRequest request) {
    return evaluate(request);
  }

  /** Many "overpayment" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<OverpaymentResult>> overpaymentBatch(List<OverpaymentRequest> requests) {
    return batch(requests);
  }

  /**
   * 失业保险稳岗返还 for one unit. (op "stable_job_refund")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public StableJobRefundResult stableJobRefund(StableJobRefundRequest request) {
    return evaluate(request);
  }

  /** Many "stable_job_refund" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<StableJobRefundResult>> stableJobRefundBatch(
      List<StableJobRefundRequest> requests) {
    return batch(requests);
  }

  /**
   * 免申即享 screening of many units for one year (per-unit outcomes and a
   * summary). (op "stable_job_screening")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public StableJobScreeningResult stableJobScreening(StableJobScreeningRequest request) {
    return evaluate(request);
  }

  /** Many "stable_job_screening" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<StableJobScreeningResult>> stableJobScreeningBatch(
      List<StableJobScreeningRequest> requests) {
    return batch(requests);
  }

  /**
   * 困难企业稳岗返还 (2020). (op "difficult_enterprise_refund")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public DifficultEnterpriseRefundResult difficultEnterpriseRefund(
      DifficultEnterpriseRefundRequest request) {
    return evaluate(request);
  }

  /** Many "difficult_enterprise_refund" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<DifficultEnterpriseRefundResult>> difficultEnterpriseRefundBatch(
      List<DifficultEnterpriseRefundRequest> requests) {
    return batch(requests);
  }

  /**
   * 技能提升补贴. (op "skill_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public SkillSubsidyResult skillSubsidy(SkillSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "skill_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<SkillSubsidyResult>> skillSubsidyBatch(List<SkillSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * 以工代训. (op "work_training_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public WorkTrainingSubsidyResult workTrainingSubsidy(WorkTrainingSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "work_training_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<WorkTrainingSubsidyResult>> workTrainingSubsidyBatch(
      List<WorkTrainingSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * 灵活就业社会保险补贴. (op "social_insurance_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public SocialInsuranceSubsidyResult socialInsuranceSubsidy(
      SocialInsuranceSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "social_insurance_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<SocialInsuranceSubsidyResult>> socialInsuranceSubsidyBatch(
      List<SocialInsuranceSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * 一次性留工培训补助. (op "retention_training_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public RetentionTrainingSubsidyResult retentionTrainingSubsidy(
      RetentionTrainingSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "retention_training_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<RetentionTrainingSubsidyResult>> retentionTrainingSubsidyBatch(
      List<RetentionTrainingSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * 一次性扩岗补助. (op "job_expansion_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public JobExpansionSubsidyResult jobExpansionSubsidy(JobExpansionSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "job_expansion_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<JobExpansionSubsidyResult>> jobExpansionSubsidyBatch(
      List<JobExpansionSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * 自主创业补贴 / 创业场所租赁补贴. (op "entrepreneurship_subsidy")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public EntrepreneurshipSubsidyResult entrepreneurshipSubsidy(
      EntrepreneurshipSubsidyRequest request) {
    return evaluate(request);
  }

  /** Many "entrepreneurship_subsidy" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<EntrepreneurshipSubsidyResult>> entrepreneurshipSubsidyBatch(
      List<EntrepreneurshipSubsidyRequest> requests) {
    return batch(requests);
  }

  /**
   * Enterprise size class (国统字〔2017〕213号). (op "classify_enterprise")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public ClassifyEnterpriseResult classifyEnterprise(ClassifyEnterpriseRequest request) {
    return evaluate(request);
  }

  /** Many "classify_enterprise" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<ClassifyEnterpriseResult>> classifyEnterpriseBatch(
      List<ClassifyEnterpriseRequest> requests) {
    return batch(requests);
  }

  /**
   * 清欠率 / 新欠比例 against the targets (九人社字〔2017〕85号).
   * (op "collection_target")
   *
   * @throws SipolicyException (a subclass) for a request the library refuses
   */
  public CollectionTargetResult collectionTarget(CollectionTargetRequest request) {
    return evaluate(request);
  }

  /** Many "collection_target" requests in one native call; see {@link #batch(List)}. */
  public List<BatchItem<CollectionTargetResult>> collectionTargetBatch(
      List<CollectionTargetRequest> requests) {
    return batch(requests);
  }

  /** 滞纳金 under the national rules. */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate) {
    return lateFee(amount, dueDate, paidDate, null, null);
  }

  /**
   * 滞纳金 on {@code amount} owed since {@code dueDate}, paid on {@code paidDate}.
   *
   * @param region six digits ("360800"), or null for the national rules
   */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate,
      String region) {
    return lateFee(amount, dueDate, paidDate, region, null);
  }

  /** As {@link #lateFee(BigDecimal, LocalDate, LocalDate, String)}, as of a date (null: all). */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate,
      String region, LocalDate asOf) {
    return lateFee(LateFeeRequest.builder().amount(amount).dueDate(dueDate).paidDate(paidDate)
        .region(region).asOf(asOf).build());
  }

  // --- Columnar batches (sipolicy_batch) ---------------------------------------------

  /**
   * True when the loaded library has {@code sipolicy_batch}, which the
   * columnar calls need.
   */
  public static boolean hasColumnarBatch() {
    return NativeColumns.hasBatch();
  }

  /**
   * Evaluates {@code in.size()} records of {@code op} given as columns, with
   * no JSON: the fast path for millions of records (sipolicy_batch over
   * chunks of ~50,000 records, all against one catalog: a pack load waits for
   * the batch). Output columns are allocated as {@link Columns#forOutputs}
   * does: "error" text, the codes int32, money and ratio parts int64. For many
   * batches, allocate them once and pass them to {@link #batch(String,
   * Columns, Columns)}: new output arrays cost the JVM fresh heap pages on
   * every call (as much as the evaluation itself, measured on the project's
   * VM). A failed record gets its status in "status", its
   * "field: message" in "error" (when asked for) and zeros elsewhere; it never
   * stops the others ({@link Columns#failed()} counts them).
   *
   * @throws UnknownOpException for an operation without a columnar form
   * @throws InvalidArgumentException for an unknown, duplicated or wrongly
   *     typed column or a missing required input (field: the column)
   * @throws UnsupportedOperationException when the library has no sipolicy_batch
   */
  public Columns batch(String op, Columns in, String... outputs) {
    Objects.requireNonNull(in, "in must not be null");
    Objects.requireNonNull(outputs, "outputs must not be null");
    Columns out = Columns.forOutputs(in.size(), outputs);
    batch(op, in, out);
    return out;
  }

  /**
   * As {@link #batch(String, Columns, String...)} into output columns the
   * caller allocated (each {@code int[]}, {@code long[]} or, for "error",
   * {@code String[]} of {@code in.size()}; {@link Columns#forOutputs} makes
   * them), written in place, so arrays can be reused across calls: the
   * fastest way to run batch after batch. Integer outputs may be either type
   * (a value that does not fit an int32 column fails its record). Returns the
   * number of failed records.
   */
  public long batch(String op, Columns in, Columns out) {
    Objects.requireNonNull(op, "op must not be null");
    Objects.requireNonNull(in, "in must not be null");
    Objects.requireNonNull(out, "out must not be null");
    if (!NativeColumns.hasBatch()) throw NativeColumns.missing("sipolicy_batch");
    handle.runColumns(op, in, out);
    return out.failed();
  }

  /**
   * Contribution assessments as columns (see {@link ContributionColumns}).
   * Codes: region 360800, {@link UnitSize#code()}, {@link UnitType#code()},
   * {@link Insurance#code()}, period YYYYMM, base in fen, the rate as an exact
   * fraction (den 0: the catalog default), as-of YYYYMMDD (0: all documents).
   *
   * @param unitType null: every unit an enterprise
   * @param rateNum null together with rateDen: the catalog's default rates
   * @param asOf null: every document counts
   */
  public ContributionColumns contributionColumns(int[] region, int[] unitSize, int[] unitType,
      int[] insurance, int[] period, long[] baseFen, long[] rateNum, long[] rateDen,
      int[] asOf) {
    return ContributionColumns.run(this, region, unitSize, unitType, insurance, period, baseFen,
        rateNum, rateDen, asOf);
  }

  /**
   * 稳岗返还 of many units as columns (see {@link StableJobRefundColumns}):
   * the 免申即享 screening fast path.
   *
   * @param flags per unit, {@link StableJobRefundColumns#ARREARS} | {@code
   *     DISHONEST} | {@code LIQUIDATION} | {@code ZOMBIE} | {@code
   *     NO_PUBLIC_ACCOUNT} (the C ABI's flag values); null: none
   * @param alreadyRefundedFen null: 0 for every unit
   * @param unitType null: every unit an enterprise
   * @param asOf YYYYMMDD per unit (0: all documents); null: all documents
   */
  public StableJobRefundColumns stableJobRefundColumns(int[] region, int[] unitSize,
      int[] unitType, int[] year, long[] priorYearPaidFen, int[] monthsPaid, long[] layoffs,
      long[] insured, int[] flags, long[] alreadyRefundedFen, int[] asOf) {
    return StableJobRefundColumns.run(this, region, unitSize, unitType, year, priorYearPaidFen,
        monthsPaid, layoffs, insured, flags, alreadyRefundedFen, asOf);
  }

  /**
   * Frees the calling thread's reusable native buffer of the columnar calls
   * (one chunk of records, ~4 MiB, kept between calls to avoid allocating per call).
   */
  public static void releaseColumnBuffers() {
    ColumnBatch.releaseArena();
  }

  /** {@link Sipolicy#multiplyRound(BigDecimal, String, String)} (throws if closed). */
  public BigDecimal multiplyRound(BigDecimal amount, String rate, String rounding) {
    handle.acquire();
    try {
      return Sipolicy.multiplyRound(amount, rate, rounding);
    } finally {
      handle.release();
    }
  }

  @Override
  public String toString() {
    return "Engine[" + (isClosed() ? "closed" : "open") + "]";
  }
}

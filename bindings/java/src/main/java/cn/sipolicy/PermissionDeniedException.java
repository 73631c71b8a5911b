package cn.sipolicy;

/**
 * Status {@code SIPOLICY_PERMISSION_DENIED}: a pack refused by its signature —
 * unsigned or signed by a key the engine does not trust (once it trusts any,
 * see {@link Engine#trustKey}), or a signature that does not verify (a pack
 * edited after it was signed). The message names the pack and the key.
 */
public class PermissionDeniedException extends SipolicyException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String statusName, String message, String field) {
    super(Status.PERMISSION_DENIED, statusName, message, field);
  }
}

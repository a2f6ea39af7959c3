package io.threatingest.domain.value;

/** The message-digest data types (MD5, SHA-1, SHA-2, SHA-3, SHA-512/t): a fixed number of hex digits. */
public final class HexDigestNormaliser implements Normaliser {

    public static final HexDigestNormaliser MD5 = new HexDigestNormaliser(32, 16);
    public static final HexDigestNormaliser SHA1 = new HexDigestNormaliser(40, 0);
    public static final HexDigestNormaliser BITS_224 = new HexDigestNormaliser(56, 0);
    public static final HexDigestNormaliser BITS_256 = new HexDigestNormaliser(64, 0);
    public static final HexDigestNormaliser BITS_384 = new HexDigestNormaliser(96, 0);
    public static final HexDigestNormaliser BITS_512 = new HexDigestNormaliser(128, 0);

    private final int length;
    private final int alternativeLength;
    private final String pattern;

    private HexDigestNormaliser(int length, int alternativeLength) {
        this.length = length;
        this.alternativeLength = alternativeLength;
        this.pattern = alternativeLength == 0
                ? "^[0-9a-f]{" + length + "}$"
                : "^[0-9a-f]{" + length + "}$|^[0-9a-f]{" + alternativeLength + "}$";
    }

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        String value = GoText.lower(Normaliser.requireText(raw));
        if (!matches(value)) {
            throw new InvalidValueException("value '" + value + "' does not match with regexp '" + pattern + "'");
        }
        return NormalisedValue.ofText(value);
    }

    /** Whether a lowercased text has the digest's shape. */
    boolean matches(String value) {
        int n = value.length();
        if (n != length && (alternativeLength == 0 || n != alternativeLength)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!GoText.isLowerHex(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

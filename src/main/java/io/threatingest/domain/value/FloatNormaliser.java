package io.threatingest.domain.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code Float} data type: a JSON number as the nearest float64, hashed as Go's {@code fmt.Sprint} prints
 * it: the shortest digits that read back to the same double, in exponent form ({@code 1e-05},
 * {@code 1.048576e+06}) when the decimal exponent is below -4 or at least 6, else plain ({@code 42},
 * {@code 0.0001}), and {@code -0} for negative zero.
 */
public final class FloatNormaliser implements Normaliser {

    public static final FloatNormaliser INSTANCE = new FloatNormaliser();

    @Override
    public NormalisedValue normalise(RawValue raw) throws InvalidValueException {
        if (!(raw instanceof RawValue.Number number)) {
            throw new InvalidValueException("expected a number, got " + raw.describe());
        }
        double value = parse(number.literal());
        if (Double.isInfinite(value)) {
            throw new InvalidValueException("number out of float64 range: " + number.literal());
        }
        return new NormalisedValue(value, format(value));
    }

    /** A JSON number literal as the nearest double; anything else (NaN, hex, suffixes) is refused. */
    private static double parse(String literal) throws InvalidValueException {
        boolean json = !literal.isEmpty();
        for (int i = 0; i < literal.length() && json; i++) {
            char c = literal.charAt(i);
            json = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
        }
        try {
            if (json) {
                return Double.parseDouble(literal);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new InvalidValueException("not a number: " + literal);
    }

    /** Go {@code strconv.FormatFloat(value, 'g', -1, 64)}. */
    public static String format(double value) {
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0" : "0";
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int pointPosition = digits.length() - shortest.scale();
        int exponent = pointPosition - 1;
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (pointPosition <= 0) {
            out.append("0.").append("0".repeat(-pointPosition)).append(digits);
        } else if (pointPosition >= digits.length()) {
            out.append(digits).append("0".repeat(pointPosition - digits.length()));
        } else {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}, the closest one when several of that length do.
     * The nearest decimal of each precision is tried first; next to a power of two, where the interval that
     * rounds to the value is lopsided, the neighbours one unit away are tried too.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest.stripTrailingZeros();
            }
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
            BigDecimal up = nearest.add(unit);
            BigDecimal down = nearest.subtract(unit);
            boolean upFits = up.doubleValue() == value && up.precision() <= precision;
            boolean downFits = down.doubleValue() == value && down.precision() <= precision;
            if (upFits && downFits) {
                return (up.subtract(exact).abs().compareTo(exact.subtract(down).abs()) <= 0 ? up : down)
                        .stripTrailingZeros();
            }
            if (upFits) {
                return up.stripTrailingZeros();
            }
            if (downFits) {
                return down.stripTrailingZeros();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }
}

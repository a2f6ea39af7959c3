package io.threatingest.domain.value;

/**
 * The parts of Go's {@code time.Parse} and {@code Time.Format} that the {@code Date} ({@code 2006-01-02}) and
 * {@code Datetime} ({@code RFC3339Nano}) data types use. Go falls back from its strict RFC 3339 reader to the
 * general layout parser, which also takes a one-digit hour, a comma before the fraction, more than nine
 * fraction digits (truncated) and offsets up to 24:60; this class reads what that parser reads.
 */
final class GoTime {

    private GoTime() {
    }

    /** A cursor over the value being parsed. */
    private static final class Cursor {

        final String value;
        int pos;

        Cursor(String value) {
            this.value = value;
        }

        boolean digitAt(int offset) {
            int i = pos + offset;
            return i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }

        int digit(int offset) {
            return value.charAt(pos + offset) - '0';
        }

        void expect(char c) throws InvalidValueException {
            if (pos >= value.length() || value.charAt(pos) != c) {
                throw bad(value);
            }
            pos++;
        }

        /** Go's getnum: two digits when fixed, otherwise one or two. */
        int number(boolean fixed) throws InvalidValueException {
            if (!digitAt(0)) {
                throw bad(value);
            }
            if (!digitAt(1)) {
                if (fixed) {
                    throw bad(value);
                }
                pos += 1;
                return digit(-1);
            }
            int n = digit(0) * 10 + digit(1);
            pos += 2;
            return n;
        }
    }

    static String normaliseDate(String value) throws InvalidValueException {
        Cursor c = new Cursor(value);
        String date = date(c);
        expectEnd(c);
        return date;
    }

    static String normaliseDatetime(String value) throws InvalidValueException {
        Cursor c = new Cursor(value);
        String date = date(c);
        c.expect('T');
        int hour = c.number(false);
        if (hour >= 24) {
            throw range(value, "hour");
        }
        c.expect(':');
        int minute = c.number(true);
        if (minute >= 60) {
            throw range(value, "minute");
        }
        c.expect(':');
        int second = c.number(true);
        if (second >= 60) {
            throw range(value, "second");
        }
        String fraction = "";
        if (c.pos + 1 < value.length() && (value.charAt(c.pos) == '.' || value.charAt(c.pos) == ',') && c.digitAt(1)) {
            int start = c.pos + 1;
            int end = start;
            while (end < value.length() && value.charAt(end) >= '0' && value.charAt(end) <= '9') {
                end++;
            }
            fraction = value.substring(start, Math.min(end, start + 9));
            c.pos = end;
        }
        String offset = offset(c);
        expectEnd(c);
        return date + 'T' + two(hour) + ':' + two(minute) + ':' + two(second)
                + trimFraction(fraction) + offset;
    }

    /** {@code 2006-01-02}: four-digit year, two-digit month and day, a real Gregorian date. */
    private static String date(Cursor c) throws InvalidValueException {
        int year = year(c);
        c.expect('-');
        int month = month(c);
        c.expect('-');
        int day = c.number(true);
        if (day < 1 || day > daysIn(month, year)) {
            throw new InvalidValueException("parsing time \"" + c.value + "\": day out of range");
        }
        return String.format("%04d", year) + '-' + two(month) + '-' + two(day);
    }

    private static void expectEnd(Cursor c) throws InvalidValueException {
        if (c.pos != c.value.length()) {
            throw new InvalidValueException("parsing time \"" + c.value + "\": extra text");
        }
    }

    private static int year(Cursor c) throws InvalidValueException {
        if (c.value.length() - c.pos < 4 || !c.digitAt(0) || !c.digitAt(1) || !c.digitAt(2) || !c.digitAt(3)) {
            throw bad(c.value);
        }
        int year = c.digit(0) * 1000 + c.digit(1) * 100 + c.digit(2) * 10 + c.digit(3);
        c.pos += 4;
        return year;
    }

    private static int month(Cursor c) throws InvalidValueException {
        int month = c.number(true);
        if (month < 1 || month > 12) {
            throw range(c.value, "month");
        }
        return month;
    }

    /** 'Z', or a sign, two digits, ':' and two digits; printed back as Go prints the resulting zone. */
    private static String offset(Cursor c) throws InvalidValueException {
        String value = c.value;
        if (c.pos < value.length() && value.charAt(c.pos) == 'Z') {
            c.pos++;
            return "Z";
        }
        if (value.length() - c.pos < 6 || value.charAt(c.pos + 3) != ':') {
            throw bad(value);
        }
        char sign = value.charAt(c.pos);
        c.pos++;
        int hours = c.number(true);
        c.pos++;
        int minutes = c.number(true);
        if (hours > 24) {
            throw range(value, "time zone offset hour");
        }
        if (minutes > 60) {
            throw range(value, "time zone offset minute");
        }
        if (sign != '+' && sign != '-') {
            throw bad(value);
        }
        int total = hours * 60 + minutes;
        if (total == 0) {
            return "Z";
        }
        return sign + two(total / 60) + ':' + two(total % 60);
    }

    private static int daysIn(int month, int year) {
        switch (month) {
            case 2 :
                boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                return leap ? 29 : 28;
            case 4 :
            case 6 :
            case 9 :
            case 11 :
                return 30;
            default :
                return 31;
        }
    }

    private static String trimFraction(String digits) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return end == 0 ? "" : "." + digits.substring(0, end);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static InvalidValueException bad(String value) {
        return new InvalidValueException("parsing time \"" + value + "\": cannot parse");
    }

    private static InvalidValueException range(String value, String field) {
        return new InvalidValueException("parsing time \"" + value + "\": " + field + " out of range");
    }
}

package se.omsorgsnav.support;

/** Valid personnummer for test data, in the födelsenummer range of Skatteverket's test numbers. */
public final class TestPins {

    private TestPins() {}

    /** {@code yyyymmdd} and a three-digit birth number (use 98x–99x) with the right check digit, 12 digits. */
    public static String of(String yyyymmdd, String birthNumber) {
        String nine = yyyymmdd.substring(2) + birthNumber;
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return yyyymmdd + birthNumber + (10 - sum % 10) % 10;
    }

    /** The n-th distinct valid number of a year: dates run through the year, the birth number after that. */
    public static String nth(int year, String birthNumberPrefix, int n) {
        String date = year + "%02d".formatted(1 + (n / 28) % 12) + "%02d".formatted(1 + n % 28);
        return of(date, birthNumberPrefix + (n / 336) % 10);
    }
}

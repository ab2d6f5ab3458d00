package com.rigsync.demo.simulator;

/**
 * The North American VIN check digit (position 9), used to give the simulated fleet VINs that pass the same check
 * real ones do.
 */
public final class VinCheckDigit {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private VinCheckDigit() {
    }

    /** The check digit ('0'-'9' or 'X') for a 17-character VIN; position 9 itself is ignored. */
    public static char compute(String vin) {
        if (vin == null || vin.length() != 17) {
            throw new IllegalArgumentException("a VIN has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** True when the VIN has 17 allowed characters and a correct check digit. */
    public static boolean isValid(String vin) {
        if (vin == null || vin.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAllowed(vin.charAt(i))) {
                return false;
            }
        }
        return vin.charAt(8) == compute(vin);
    }

    /** The same VIN with position 9 replaced by its correct check digit. */
    public static String withCheckDigit(String vin) {
        char digit = compute(vin);
        return vin.substring(0, 8) + digit + vin.substring(9);
    }

    static boolean isAllowed(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q');
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }
}

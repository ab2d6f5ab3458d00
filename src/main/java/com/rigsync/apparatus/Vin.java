package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * VIN rules. RigSync warns about odd VINs but never refuses them: old and imported apparatus carry odd VINs, and the
 * VIN that matters for Samsara is the one the vehicle reports.
 */
public final class Vin {

    public static final int LENGTH = 17;
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Vin() {
    }

    /** Trimmed, upper case, without spaces and dashes; null when nothing is left. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String normalized = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
        return normalized.isEmpty() ? null : normalized;
    }

    /** What looks wrong with a VIN (normalised first), in the department's words; empty when nothing does. */
    public static List<String> warnings(String raw) {
        String vin = normalize(raw);
        List<String> warnings = new ArrayList<>();
        if (vin == null) {
            return warnings;
        }
        List<String> forbidden = new ArrayList<>();
        for (int i = 0; i < vin.length(); i++) {
            char c = vin.charAt(i);
            if (c == 'I' || c == 'O' || c == 'Q') {
                forbidden.add(c + " at position " + (i + 1));
            }
        }
        if (!forbidden.isEmpty()) {
            warnings.add("VINs never contain the letters I, O or Q (found " + String.join(", ", forbidden)
                    + "): check for a 1 or 0 typed as a letter.");
        }
        if (vin.length() != LENGTH) {
            warnings.add("A VIN has 17 characters; this one has " + vin.length() + ".");
        }
        expectedCheckDigit(vin).ifPresent(expected -> {
            if (vin.charAt(8) != expected) {
                warnings.add("The check digit (9th character) of this North American VIN should be " + expected
                        + ", not " + vin.charAt(8) + ": check for a typing error.");
            }
        });
        return warnings;
    }

    /** North American VINs (first character 1 to 5) carry a check digit in position 9; others need not. */
    public static boolean isNorthAmerican(String vin) {
        return vin != null && !vin.isEmpty() && vin.charAt(0) >= '1' && vin.charAt(0) <= '5';
    }

    /**
     * The check digit a North American VIN should have; empty when there is no verdict: not North American, not 17
     * characters, or characters that have no value (the I/O/Q warning covers those).
     */
    public static Optional<Character> expectedCheckDigit(String vin) {
        if (!isNorthAmerican(vin) || vin.length() != LENGTH) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = transliterate(vin.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return Optional.of(remainder == 10 ? 'X' : (char) ('0' + remainder));
    }

    /**
     * Why two normalised VINs that are not equal are probably the same vehicle's, or empty when they are not that
     * close: one character different, O/0, I/1 or Q/0 mixed up, or two neighbouring characters swapped.
     */
    public static Optional<String> nearMiss(String first, String second) {
        if (first == null || second == null || first.equals(second) || first.length() != second.length()) {
            return Optional.empty();
        }
        List<Integer> differences = new ArrayList<>();
        for (int i = 0; i < first.length(); i++) {
            if (first.charAt(i) != second.charAt(i)) {
                differences.add(i);
                if (differences.size() > 3) {
                    return Optional.empty();
                }
            }
        }
        if (differences.stream().allMatch(i -> lookAlike(first.charAt(i), second.charAt(i)))) {
            return Optional.of(differences.size() == 1
                    ? lookAlikeReason(first, second, differences.getFirst())
                    : "look-alike characters mixed up at positions " + positions(differences));
        }
        if (differences.size() == 1) {
            int i = differences.getFirst();
            return Optional.of("one character different (position " + (i + 1) + ": " + first.charAt(i) + " / "
                    + second.charAt(i) + ")");
        }
        if (differences.size() == 2 && differences.get(1) == differences.get(0) + 1) {
            int i = differences.getFirst();
            if (first.charAt(i) == second.charAt(i + 1) && first.charAt(i + 1) == second.charAt(i)) {
                return Optional.of("characters " + (i + 1) + " and " + (i + 2) + " swapped");
            }
        }
        return Optional.empty();
    }

    private static String lookAlikeReason(String first, String second, int i) {
        return "letter " + letterOf(first.charAt(i), second.charAt(i)) + " and digit "
                + digitOf(first.charAt(i), second.charAt(i)) + " mixed up (position " + (i + 1) + ")";
    }

    private static char letterOf(char a, char b) {
        return Character.isLetter(a) ? a : b;
    }

    private static char digitOf(char a, char b) {
        return Character.isDigit(a) ? a : b;
    }

    private static boolean lookAlike(char a, char b) {
        return pair(a, b, 'O', '0') || pair(a, b, 'Q', '0') || pair(a, b, 'I', '1');
    }

    private static boolean pair(char a, char b, char x, char y) {
        return (a == x && b == y) || (a == y && b == x);
    }

    private static String positions(List<Integer> indexes) {
        return String.join(", ", indexes.stream().map(i -> Integer.toString(i + 1)).toList());
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
            default -> -1;
        };
    }
}

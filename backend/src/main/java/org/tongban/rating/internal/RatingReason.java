package org.tongban.rating.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reasons an applicant picks from (好差评's evaluation items: guidance, speed, attitude, trips, the online
 * service), the good ones for 非常满意 … 基本满意, the bad ones for 不满意 and 非常不满意; {@code other} fits both.
 */
enum RatingReason {
    CLEAR_GUIDANCE("clear-guidance", true),
    QUICK("quick", true),
    COURTEOUS("courteous", true),
    FEW_TRIPS("few-trips", true),
    EASY_ONLINE("easy-online", true),
    UNCLEAR_GUIDANCE("unclear-guidance", false),
    SLOW("slow", false),
    MATERIALS_REPEATED("materials-repeated", false),
    POOR_ATTITUDE("poor-attitude", false),
    UNEXPLAINED_DECISION("unexplained-decision", false),
    HARD_ONLINE("hard-online", false),
    OTHER("other", null);

    private final String code;
    /** For good ratings (true), bad ones (false), or both (null). */
    private final Boolean good;

    RatingReason(String code, Boolean good) {
        this.code = code;
        this.good = good;
    }

    String code() {
        return code;
    }

    boolean fits(boolean goodRating) {
        return good == null || good == goodRating;
    }

    static Optional<RatingReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    static List<String> codes(boolean goodRating) {
        return Arrays.stream(values()).filter(reason -> reason.fits(goodRating)).map(RatingReason::code).toList();
    }

    /** 非常满意 5, 满意 4, 基本满意 3 are good; 不满意 2 and 非常不满意 1 are bad. */
    static boolean good(int level) {
        return level >= 3;
    }
}

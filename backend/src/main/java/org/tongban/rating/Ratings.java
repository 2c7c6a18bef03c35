package org.tongban.rating;

import java.time.Instant;
import java.util.Collection;

/** The ratings' figures, for the statistics: computed from the ratings, never typed in. */
public interface Ratings {

    /**
     * Satisfaction with the applications rated in [from, to): of one service, of some departments (null: all), or
     * both. Ratings whose dispute the platform admin upheld do not count.
     */
    Satisfaction satisfaction(Collection<String> departments, String serviceCode, Instant from, Instant to);

    /** The rectifications of some departments (null: all) as they stand at {@code now}. */
    Rectifications rectifications(Collection<String> departments, String serviceCode, Instant now);

    /**
     * @param ratings how many ratings count
     * @param good    how many of them are good (非常满意, 满意, 基本满意)
     * @param score   the average level, 1 (非常不满意) to 5 (非常满意); 0 without ratings
     */
    record Satisfaction(long ratings, long good, double score) {

        /** The share of good ratings, 0 to 1; null without ratings (no figure rather than 0 %). */
        public Double goodShare() {
            return ratings == 0 ? null : (double) good / ratings;
        }
    }

    /**
     * @param open     waiting for the department's answer (including disputes sent back by the platform admin)
     * @param overdue  of the open ones, past their limit
     * @param disputed waiting for the platform admin's decision
     * @param answered answered or closed
     */
    record Rectifications(long open, long overdue, long disputed, long answered) {
    }
}

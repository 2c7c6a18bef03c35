/**
 * 好差评: applicants rate their applications (the whole once it has ended, a step's handling while it runs), on five
 * levels with reasons from a list; a bad rating opens a rectification (整改) for the department that handled the
 * rated steps, answered by its admin within a limit in working days (rectified, explained or disputed — the platform
 * admin decides a dispute); the applicant sees the answer and may rate once more. Each service's satisfaction is
 * computed from the ratings of the last twelve months.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rating",
        allowedDependencies = {"application", "workflow", "identity", "web", "shared"})
package org.tongban.rating;

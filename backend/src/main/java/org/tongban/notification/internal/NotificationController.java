package org.tongban.notification.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentPerson;
import org.tongban.identity.Person;
import org.tongban.web.ProblemException;

/** The signed-in person's inbox (and, for clerks, their departments' inboxes). */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final Notifications notifications;
    private final CurrentPerson currentPerson;

    NotificationController(Notifications notifications, CurrentPerson currentPerson) {
        this.notifications = notifications;
        this.currentPerson = currentPerson;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "My inbox, newest first, in my language")
    List<Notifications.Entry> inbox() {
        Person person = currentPerson.require();
        return notifications.inbox(person.subject(), person.departments(), LocaleContextHolder.getLocale());
    }

    /** The bell's badge: asked for often, so it counts without rendering anything. */
    record UnreadCount(long unread) {
    }

    record MarkedRead(int marked) {
    }

    @GetMapping("/api/v1/notifications/unread-count")
    @Operation(summary = "How many entries of my inbox (and my departments' inboxes) are unread")
    UnreadCount unreadCount() {
        Person person = currentPerson.require();
        return new UnreadCount(notifications.unread(person.subject(), person.departments()));
    }

    @PostMapping("/api/v1/notifications/read")
    @Operation(summary = "Mark every unread entry of my inbox (and my departments' inboxes) read")
    MarkedRead readAll() {
        Person person = currentPerson.require();
        return new MarkedRead(notifications.markAllRead(person.subject(), person.departments()));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark an entry read")
    void read(@PathVariable String id) {
        Person person = currentPerson.require();
        if (!notifications.markRead(id, person.subject(), person.departments())) {
            throw ProblemException.notFound();
        }
    }
}

package org.tongban.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login} starts single sign-on with the portal's identity provider. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "redirect:/oauth2/authorization/" + SecurityConfiguration.REGISTRATION_ID;
    }
}

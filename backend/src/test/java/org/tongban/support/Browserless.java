package org.tongban.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A scripted "browser" without a browser: follows redirects with a cookie jar and fills in the
 * identity provider's login form (Keycloak's or the embedded one's: both post username/password).
 */
public final class Browserless {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** host:port -> cookie name -> value. Paths are ignored: sending extra cookies is harmless here. */
    private final Map<String, Map<String, String>> cookies;
    private final String base;

    public Browserless(String base) {
        this(base, new ConcurrentHashMap<>());
    }

    private Browserless(String base, Map<String, Map<String, String>> cookies) {
        this.base = base;
        this.cookies = cookies;
    }

    /**
     * The same browser talking to another address of the same site, as a load balancer sends a browser's requests to
     * another node: both addresses share one cookie jar (the session, the CSRF token).
     */
    public Browserless through(String otherBase) {
        Map<String, String> jar = cookies.computeIfAbsent(hostKey(URI.create(base)), key -> new ConcurrentHashMap<>());
        cookies.put(hostKey(URI.create(otherBase)), jar);
        return new Browserless(otherBase, cookies);
    }

    public record Page(int status, URI uri, String body, Map<String, List<String>> headers) {

        public Document html() {
            return Jsoup.parse(body, uri.toString());
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** GET, following redirects. */
    public Page get(String pathOrUrl) {
        return follow(request(resolve(pathOrUrl)).GET().build());
    }

    /** GET with extra headers, without following redirects. */
    public Page getOnce(String pathOrUrl, String... headers) {
        HttpRequest.Builder builder = request(resolve(pathOrUrl)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    public Page postForm(String pathOrUrl, Map<String, String> fields) {
        return follow(request(resolve(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** A form POST without following redirects. */
    public Page postFormOnce(String pathOrUrl, Map<String, String> fields) {
        return send(request(resolve(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    /** A JSON request as the SPA sends it: with the session cookie and the CSRF header. */
    public Page json(String method, String path, String body, boolean withCsrf) {
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        String token = cookie("XSRF-TOKEN");
        if (withCsrf && token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /** Like {@link #send} with one more header (replacing the default one of that name, e.g. Accept-Language). */
    public Page sendWithHeader(String method, String path, String contentType, String body, String header, String value) {
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", contentType).setHeader(header, value)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /** A multipart upload of one file, as a browser's file input sends it. */
    public Page upload(String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----tongban" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /** Raw bytes with any content type (a hand-made, possibly broken multipart body), with the CSRF header. */
    public Page sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /** Like {@link #sendBytes} but without a declared length: the body goes chunked. */
    public Page sendChunked(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /** A request with any content type, with the session cookie and the CSRF header. */
    public Page send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(resolve(path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return send(builder.build());
    }

    /**
     * Signs in through the portal: GET /login, fill in the identity provider's form, follow the
     * redirects back to the portal. Returns the last page.
     */
    public Page signIn(String username, String password) {
        Page login = get("/login");
        return submitLogin(login, username, password);
    }

    public Page submitLogin(Page login, String username, String password) {
        Element form = login.html().selectFirst("form:has(input[name=password])");
        if (form == null) {
            throw new AssertionError("No login form at " + login.uri() + " (status " + login.status() + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.put("username", username);
        fields.put("password", password);
        return postForm(form.absUrl("action"), fields);
    }

    /** POST /logout as the portal's sign-out form does, following the redirects through the provider. */
    public Page signOut() {
        get("/api/v1/me");
        return postForm("/logout", Map.of("_csrf", cookie("XSRF-TOKEN")));
    }

    /** Plants a cookie for the portal's host, as a script on a sibling domain or a network attacker could. */
    public void setCookie(String name, String value) {
        cookies.computeIfAbsent(hostKey(URI.create(base)), key -> new ConcurrentHashMap<>()).put(name, value);
    }

    public String cookie(String name) {
        return cookies.getOrDefault(hostKey(URI.create(base)), Map.of()).get(name);
    }

    private Page follow(HttpRequest first) {
        Page page = send(first);
        for (int hops = 0; hops < 20 && page.status() >= 300 && page.status() < 400; hops++) {
            String location = page.header("Location");
            if (location == null) {
                return page;
            }
            page = send(request(page.uri().resolve(location)).GET().build());
        }
        return page;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            store(request.uri(), response.headers().allValues("set-cookie"));
            return new Page(response.statusCode(), request.uri(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "zh-CN");
        Map<String, String> jar = cookies.get(hostKey(uri));
        if (jar != null && !jar.isEmpty()) {
            builder.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private void store(URI uri, List<String> setCookies) {
        Map<String, String> jar = cookies.computeIfAbsent(hostKey(uri), key -> new ConcurrentHashMap<>());
        for (String header : setCookies) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = value.isEmpty() || header.toLowerCase().contains("max-age=0");
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
    }

    private static String hostKey(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

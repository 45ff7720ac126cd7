package io.chatapp.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dom4j.Element;
import org.xmpp.component.AbstractComponent;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManagerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

/**
 * A standard XEP-0363 upload service, as Openfire's HTTP File Upload plugin or Prosody's mod_http_upload offer it:
 * an XMPP component (disco identity {@code store/file}, {@code max-file-size} in its form) handing out slots, and an
 * HTTP server taking each slot's PUT once (exact size and type, {@code 201} without a body) and serving the file.
 * For tests of our clients against services other than chat-app's; {@link #tamper} makes it serve other bytes.
 */
final class PlainUploadService extends AbstractComponent implements AutoCloseable {

    static final String NAMESPACE = "urn:xmpp:http:upload:0";

    private final String subdomain;
    private final long maxFileSize;
    private final HttpServer http;
    private final String base;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final AtomicBoolean tamper = new AtomicBoolean();

    private record Slot(String name, long size, String contentType, AtomicBoolean used) {
    }

    private PlainUploadService(String subdomain, long maxFileSize) throws IOException {
        this.subdomain = subdomain;
        this.maxFileSize = maxFileSize;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/upload/", this::put);
        http.createContext("/files/", this::get);
        http.start();
        this.base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Starts the service and registers it with the running Openfire as {@code subdomain.<domain>}. */
    static PlainUploadService start(String subdomain, long maxFileSize) throws IOException, ComponentException {
        PlainUploadService service = new PlainUploadService(subdomain, maxFileSize);
        ComponentManagerFactory.getComponentManager().addComponent(subdomain, service);
        return service;
    }

    /** How many slots were asked for. */
    int slotsGranted() {
        return slots.size();
    }

    @Override
    public String getName() {
        return "HTTP File Upload";
    }

    @Override
    public String getDescription() {
        return "A plain XEP-0363 upload service for tests";
    }

    @Override
    protected IQ handleDiscoInfo(IQ request) {
        IQ answer = IQ.createResultIQ(request);
        Element query = answer.setChildElement("query", NAMESPACE_DISCO_INFO);
        query.addElement("identity").addAttribute("category", "store").addAttribute("type", "file")
                .addAttribute("name", getName());
        query.addElement("feature").addAttribute("var", NAMESPACE_DISCO_INFO);
        query.addElement("feature").addAttribute("var", NAMESPACE);
        Element form = query.addElement("x", "jabber:x:data").addAttribute("type", "result");
        form.addElement("field").addAttribute("var", "FORM_TYPE").addAttribute("type", "hidden")
                .addElement("value").setText(NAMESPACE);
        form.addElement("field").addAttribute("var", "max-file-size").addElement("value")
                .setText(Long.toString(maxFileSize));
        return answer;
    }

    @Override
    protected IQ handleIQGet(IQ request) {
        Element slotRequest = request.getChildElement();
        if (slotRequest == null || !NAMESPACE.equals(slotRequest.getNamespaceURI())) {
            return null;
        }
        String name = slotRequest.attributeValue("filename");
        long size = Long.parseLong(slotRequest.attributeValue("size", "-1"));
        String contentType = slotRequest.attributeValue("content-type", "application/octet-stream");
        if (size > maxFileSize) {
            IQ error = IQ.createResultIQ(request);
            error.setType(IQ.Type.error);
            PacketError tooLarge = new PacketError(PacketError.Condition.not_acceptable, PacketError.Type.modify);
            tooLarge.getElement().addElement("file-too-large", NAMESPACE).addElement("max-file-size")
                    .setText(Long.toString(maxFileSize));
            error.setError(tooLarge);
            return error;
        }
        String id = UUID.randomUUID().toString();
        slots.put(id, new Slot(name, size, contentType, new AtomicBoolean()));
        IQ answer = IQ.createResultIQ(request);
        Element slot = answer.setChildElement("slot", NAMESPACE);
        slot.addElement("put").addAttribute("url", base + "/upload/" + id);
        slot.addElement("get").addAttribute("url", base + "/files/" + id + "/" + name.replace(" ", "%20"));
        return answer;
    }

    private void put(HttpExchange exchange) throws IOException {
        try (exchange) {
            Slot slot = slots.get(exchange.getRequestURI().getPath().substring("/upload/".length()));
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (slot == null || !"PUT".equals(exchange.getRequestMethod()) || slot.used().getAndSet(true)
                    || !slot.contentType().equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    || !Long.toString(slot.size()).equals(length)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            files.put(exchange.getRequestURI().getPath().substring("/upload/".length()), body);
            exchange.sendResponseHeaders(201, -1);
        }
    }

    private void get(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/files/".length());
            byte[] file = files.get(path.substring(0, Math.max(0, path.indexOf('/'))));
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] served = file.clone();
            if (tamper.get()) {
                served[served.length / 2] ^= 1;
            }
            exchange.sendResponseHeaders(200, served.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(served);
            }
        }
    }

    @Override
    public void close() throws ComponentException {
        try {
            ComponentManagerFactory.getComponentManager().removeComponent(subdomain);
        } finally {
            http.stop(0);
        }
    }
}

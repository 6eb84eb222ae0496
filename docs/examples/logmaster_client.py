#!/usr/bin/env python3
"""LogMaster API example: log in, ask who I am, list the devices, search and tail messages, log out.

Needs Debian's gRPC packages (nothing from PyPI):
    apt-get install python3-grpcio python3-grpc-tools

The .proto files of the API are compiled into a temporary folder at start, so the script needs
no generated code beside it. The collector's certificate is self-signed: the script trusts it on
first use. It compares the certificate's SHA-256 fingerprint with --fingerprint, or with the one
remembered in the trust file; an unknown collector is only trusted (and remembered) with
--trust-new, after you have compared the printed fingerprint with the one the collector shows.

Examples:
    LOGMASTER_PASSWORD=... ./logmaster_client.py --address collector.example.net:6515 \\
        --username admin --fingerprint 3A:1F:...:9C
    ./logmaster_client.py --address 192.0.2.10:6515 --username auditor --trust-new
    ./logmaster_client.py --address 192.0.2.10:6515 --username viewer --search "Failed password"
    ./logmaster_client.py --address 192.0.2.10:6515 --username viewer --tail --text sshd --count 10
"""
import argparse
import getpass
import hashlib
import os
import ssl
import sys
import tempfile

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROTO_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "proto", "src", "main", "proto"))
DEFAULT_TRUST_FILE = os.path.join(os.path.expanduser("~"), ".config", "logmaster", "known_collectors")


def compile_api(proto_dir, out_dir):
    """Compiles logmaster/v1/*.proto with grpc_tools into out_dir and makes it importable."""
    import grpc_tools
    from grpc_tools import protoc

    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    api_dir = os.path.join(proto_dir, "logmaster", "v1")
    files = sorted(os.path.join("logmaster", "v1", name) for name in os.listdir(api_dir) if name.endswith(".proto"))
    status = protoc.main(["protoc", "-I" + proto_dir, "-I" + well_known,
                          "--python_out=" + out_dir, "--grpc_python_out=" + out_dir] + files)
    if status != 0:
        raise SystemExit("error: could not compile the API's .proto files in " + proto_dir)
    sys.path.insert(0, out_dir)


def normalized(fingerprint):
    return fingerprint.replace(":", "").strip().lower()


def colon_hex(digest):
    return ":".join(digest[i:i + 2] for i in range(0, len(digest), 2)).upper()


def trusted_certificate(host, port, expected, trust_file, trust_new):
    """The collector's certificate (PEM) once its fingerprint is trusted; exits otherwise."""
    pem = ssl.get_server_certificate((host, port))
    actual = hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()
    key = "%s:%d" % (host, port)
    remembered = {}
    if os.path.exists(trust_file):
        with open(trust_file) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    remembered[parts[0]] = parts[1]
    wanted = normalized(expected) if expected else remembered.get(key)
    if wanted is None:
        if not trust_new:
            raise SystemExit("error: %s is not trusted yet. Its certificate fingerprint (SHA-256) is\n  %s\n"
                             "Compare it with the collector's, then run again with --trust-new "
                             "(or --fingerprint)." % (key, colon_hex(actual)))
        os.makedirs(os.path.dirname(trust_file) or ".", exist_ok=True)
        with open(trust_file, "a") as f:
            f.write("%s %s\n" % (key, actual))
        print("trusting %s from now on: %s" % (key, colon_hex(actual)))
    elif wanted != actual:
        raise SystemExit("error: certificate fingerprint mismatch for %s: expected %s, got %s. "
                         "Do not continue unless the collector's certificate was replaced on purpose."
                         % (key, colon_hex(wanted), colon_hex(actual)))
    return pem


SEVERITIES = ["-", "EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"]


def event_line(e):
    """One stored message as a line: arrival time, device, severity, program and text."""
    program = (e.app_name + ": ") if e.app_name else ""
    return "  %s %s %s %s%s" % (e.arrival.ToJsonString(), e.device_id, SEVERITIES[e.severity], program, e.message)


def search(logs_pb2, logs_stub, token, text, devices):
    """Prints every stored message containing text, oldest first, a page at a time."""
    request = logs_pb2.SearchRequest(filter=logs_pb2.EventFilter(text=text, device_ids=devices),
                                     page_size=500, order=logs_pb2.SORT_ORDER_OLDEST_FIRST)
    first = True
    while True:
        page = logs_stub.Search(request, metadata=token, timeout=60)
        if first:
            print("search: %d messages contain %r" % (page.total_count, text))
            first = False
        for e in page.events:
            print(event_line(e))
        if not page.next_page_token:
            return
        request.page_token = page.next_page_token


def tail(logs_pb2, logs_stub, token, text, devices, count, resume_from):
    """Prints live messages as they are stored, until count messages (or Ctrl-C).

    A client that reads too slowly gets a gap marker instead of the messages it could not take
    in time: they are stored all the same, and a search over the gap's time range shows them.
    The cursor of the last item lets a new tail continue exactly after it (--resume-from)."""
    request = logs_pb2.TailRequest(filter=logs_pb2.EventFilter(text=text or "", device_ids=devices),
                                   resume_from=resume_from or "")
    stream = logs_stub.Tail(request, metadata=token)
    print("tail: waiting for messages%s (Ctrl-C stops)" % ((" containing %r" % text) if text else ""), flush=True)
    received, cursor = 0, resume_from
    try:
        for item in stream:
            cursor = item.cursor
            if item.HasField("gap"):
                print("  ... %d messages skipped (this client read too slowly); search %s .. %s to see them"
                      % (item.gap.skipped, getattr(item.gap.range, "from").ToJsonString(),
                         item.gap.range.to.ToJsonString()), flush=True)
                continue
            print(event_line(item.event), flush=True)
            received += 1
            if count and received >= count:
                break
    except KeyboardInterrupt:
        pass
    finally:
        stream.cancel()
    if cursor:
        print("tail: resume with --resume-from %s" % cursor)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--address", required=True, help="collector host:port")
    parser.add_argument("--username", required=True)
    parser.add_argument("--fingerprint", help="expected SHA-256 fingerprint of the collector's certificate")
    parser.add_argument("--trust-file", default=DEFAULT_TRUST_FILE, help="remembered fingerprints (default: %(default)s)")
    parser.add_argument("--trust-new", action="store_true", help="trust and remember an unknown collector")
    parser.add_argument("--server-name", help="name to check in the certificate (default: the host of --address)")
    parser.add_argument("--proto-dir", default=DEFAULT_PROTO_DIR, help="folder holding logmaster/v1/*.proto")
    parser.add_argument("--search", metavar="TEXT", help="print the stored messages containing TEXT")
    parser.add_argument("--tail", action="store_true", help="print live messages as they are stored")
    parser.add_argument("--text", help="tail only messages containing this text")
    parser.add_argument("--device", action="append", default=[], help="only this device id (repeatable)")
    parser.add_argument("--count", type=int, default=0, help="stop the tail after this many messages")
    parser.add_argument("--resume-from", metavar="CURSOR", help="continue a tail right after this cursor")
    args = parser.parse_args()

    host, _, port = args.address.rpartition(":")
    host = host.strip("[]")
    password = os.environ.get("LOGMASTER_PASSWORD") or getpass.getpass("password for %s: " % args.username)

    with tempfile.TemporaryDirectory() as generated:
        compile_api(args.proto_dir, generated)
        from logmaster.v1 import auth_pb2, auth_pb2_grpc, common_pb2, devices_pb2, devices_pb2_grpc, logs_pb2, logs_pb2_grpc

        pem = trusted_certificate(host, int(port), args.fingerprint, args.trust_file, args.trust_new)
        credentials = grpc.ssl_channel_credentials(root_certificates=pem.encode("ascii"))
        options = [("grpc.ssl_target_name_override", args.server_name)] if args.server_name else []
        with grpc.secure_channel(args.address, credentials, options) as channel:
            auth = auth_pb2_grpc.AuthServiceStub(channel)
            try:
                session = auth.Login(auth_pb2.LoginRequest(username=args.username, password=password), timeout=30)
                token = [("authorization", "Bearer " + session.session_token)]

                me = auth.WhoAmI(auth_pb2.WhoAmIRequest(), metadata=token, timeout=30)
                print("user: %s" % me.username)
                print("role: %s" % common_pb2.Role.Name(me.role).replace("ROLE_", ""))
                print("permissions: %s" % ", ".join(common_pb2.Permission.Name(p).replace("PERMISSION_", "")
                                                    for p in me.permissions))
                print("session expires: %s" % me.session_expires_at.ToJsonString())

                devices = devices_pb2_grpc.DeviceServiceStub(channel).List(
                    devices_pb2.ListDevicesRequest(), metadata=token, timeout=30)
                print("devices: %d" % len(devices.devices))
                for d in devices.devices:
                    print("  %s  %s  %s  %s  %s" % (d.id, d.mac, d.name, d.device_type or "-", d.location or "-"))

                logs = logs_pb2_grpc.LogServiceStub(channel)
                if args.search:
                    search(logs_pb2, logs, token, args.search, args.device)
                if args.tail:
                    tail(logs_pb2, logs, token, args.text, args.device, args.count, args.resume_from)

                auth.Logout(auth_pb2.LogoutRequest(), metadata=token, timeout=30)
            except grpc.RpcError as e:
                raise SystemExit("error: %s: %s" % (e.code().name, e.details()))


if __name__ == "__main__":
    main()

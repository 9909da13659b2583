package serve

import (
	"context"
	"errors"
	"io"
	"net/http"
	"syscall"
	"testing"
	"time"
)

func TestListenAddrInUse(t *testing.T) {
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	_, err = Listen(addr)
	if err == nil {
		t.Fatal("second Listen on the same address succeeded")
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("error %v does not match EADDRINUSE", err)
	}
	want := "address " + addr + " is already in use (stop the other server or pass -addr 127.0.0.1:PORT)"
	if err.Error() != want {
		t.Errorf("error = %q\nwant %q", err, want)
	}
}

// TestServeShutdown checks that Serve returns when its context ends even
// with an event stream open.
func TestServeShutdown(t *testing.T) {
	site, _ := newSite(t)
	s := New(site, Options{})
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	url := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: timeout}
	resp, err := client.Get(url + "/site.css")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != siteFiles["site.css"] {
		t.Errorf("GET /site.css = %q", body)
	}

	st := openStream(t, &http.Client{}, url)
	st.expect(t, "hello", nil)
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve = %v, want nil", err)
		}
	case <-time.After(timeout):
		t.Fatal("Serve did not return after its context ended")
	}
}

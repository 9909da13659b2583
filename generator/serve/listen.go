package serve

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"
	"time"
)

// AddrInUseError says the address to listen on is taken, and what to do.
type AddrInUseError struct {
	Addr string
	Err  error
}

func (e *AddrInUseError) Error() string {
	host, _, err := net.SplitHostPort(e.Addr)
	if err != nil || host == "" {
		host = "127.0.0.1"
	}
	return fmt.Sprintf("address %s is already in use (stop the other server or pass -addr %s)",
		e.Addr, net.JoinHostPort(host, "PORT"))
}

func (e *AddrInUseError) Unwrap() error { return e.Err }

// Listen binds a TCP address such as "127.0.0.1:1313". An address that is
// taken gives an *AddrInUseError, which still matches syscall.EADDRINUSE
// with errors.Is.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, &AddrInUseError{Addr: addr, Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}

// Serve serves s on ln until ctx ends, then closes the event streams and
// shuts down, giving open requests up to five seconds. It returns nil
// after a shutdown asked for by ctx.
//
// No write timeout is set: event streams are meant to stay open.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
	}
	stopped := make(chan struct{})
	served := make(chan struct{})
	go func() {
		defer close(stopped)
		select {
		case <-ctx.Done():
		case <-served:
			return
		}
		s.Close()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	err := hs.Serve(ln)
	close(served)
	<-stopped
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

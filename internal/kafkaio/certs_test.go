package kafkaio_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testCA is a throwaway certificate authority, made fresh for each test run
// so no key material is ever checked in.
type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func newTestCA(t *testing.T, name string) *testCA {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber:          serial(t),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"newsworker tests"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &testCA{cert: cert, key: key, pem: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// issue signs a leaf certificate for the given DNS names and IPs and returns
// it as PEM together with its PKCS#8 key (the form Kafka's PEM keystore
// reads: "-----BEGIN PRIVATE KEY-----").
func (ca *testCA) issue(t *testing.T, cn string, dns []string, ips []net.IP) (certPEM, keyPEM []byte) {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: serial(t),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"newsworker tests"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		DNSNames:     dns,
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	p8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: p8})
}

// pki is every file the secured broker and its clients need.
type pki struct {
	caFile      string // the CA that signed the broker (clients trust it)
	otherCAFile string // an unrelated CA (clients given it must refuse the broker)
	keystore    string // broker PEM keystore: PKCS#8 key then certificate chain
	clientCert  string // a client certificate signed by the CA, for mutual TLS
	clientKey   string
	strayCert   string // a client certificate signed by the other CA: the broker must refuse it
	strayKey    string
}

func writePKI(t *testing.T, dir string) pki {
	t.Helper()
	ca, other := newTestCA(t, "newsworker test CA"), newTestCA(t, "untrusted test CA")
	brokerCert, brokerKey := ca.issue(t, "broker", []string{"localhost"}, []net.IP{net.IPv4(127, 0, 0, 1)})
	clientCert, clientKey := ca.issue(t, "worker", nil, nil)
	strayCert, strayKey := other.issue(t, "worker", nil, nil)
	p := pki{
		caFile:      filepath.Join(dir, "ca.pem"),
		otherCAFile: filepath.Join(dir, "other-ca.pem"),
		keystore:    filepath.Join(dir, "broker-keystore.pem"),
		clientCert:  filepath.Join(dir, "client.pem"),
		clientKey:   filepath.Join(dir, "client-key.pem"),
		strayCert:   filepath.Join(dir, "stray.pem"),
		strayKey:    filepath.Join(dir, "stray-key.pem"),
	}
	files := map[string][]byte{
		p.caFile:      ca.pem,
		p.otherCAFile: other.pem,
		p.keystore:    append(append(brokerKey, brokerCert...), ca.pem...),
		p.clientCert:  clientCert,
		p.clientKey:   clientKey,
		p.strayCert:   strayCert,
		p.strayKey:    strayKey,
	}
	for name, b := range files {
		if err := os.WriteFile(name, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func serial(t *testing.T) *big.Int {
	t.Helper()
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 62))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

//! Certificates made at test time for the simulator's HTTPS (feature `test-support`, for
//! tests only: the shipped app never makes certificates). Nothing here is ever written to
//! the repository.

use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair,
};

use crate::TlsIdentity;

/// A certificate authority of a test, like a company's own CA.
pub struct TestCa {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl TestCa {
    pub fn new(name: &str) -> TestCa {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, name);
        let key = KeyPair::generate().expect("CA key");
        TestCa {
            issuer: CertifiedIssuer::self_signed(params, key).expect("CA certificate"),
        }
    }

    /// The CA certificate in PEM, e.g. for `SSL_CERT_FILE`.
    pub fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server certificate for `hosts` (names or IP addresses), valid today.
    pub fn server(&self, hosts: &[&str]) -> TlsIdentity {
        self.sign(params(hosts))
    }

    /// A server certificate for `hosts` that expired in 2001.
    pub fn expired_server(&self, hosts: &[&str]) -> TlsIdentity {
        let mut params = params(hosts);
        params.not_before = date_time_ymd(2000, 1, 1);
        params.not_after = date_time_ymd(2001, 1, 1);
        self.sign(params)
    }

    fn sign(&self, params: CertificateParams) -> TlsIdentity {
        let key = KeyPair::generate().expect("server key");
        let certificate = params
            .signed_by(&key, &self.issuer)
            .expect("server certificate");
        TlsIdentity {
            certificate_chain: vec![certificate.der().to_vec(), self.issuer.der().to_vec()],
            private_key: key.serialize_der(),
        }
    }
}

/// A certificate for `hosts` signed by its own key, as home servers often have.
pub fn self_signed(hosts: &[&str]) -> TlsIdentity {
    let key = KeyPair::generate().expect("key");
    let certificate = params(hosts).self_signed(&key).expect("certificate");
    TlsIdentity {
        certificate_chain: vec![certificate.der().to_vec()],
        private_key: key.serialize_der(),
    }
}

fn params(hosts: &[&str]) -> CertificateParams {
    let names: Vec<String> = hosts.iter().map(|h| (*h).to_owned()).collect();
    let mut params = CertificateParams::new(names).expect("certificate parameters");
    params.distinguished_name.push(
        DnType::CommonName,
        hosts.first().copied().unwrap_or("nctray test"),
    );
    params
}

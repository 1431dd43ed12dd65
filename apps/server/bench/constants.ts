export const CONTROL_PLANE = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/tagc-scanner-bench",
  access_key_id: "AKIABENCHCONTROL0001",
  secret_access_key: "benchControlPlaneSecret000000000000000",
};

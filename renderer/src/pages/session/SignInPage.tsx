/** "Who is working?": the first screen of every database, and after "Switch operator". */
import { DatabaseOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, Lookups, Operator, Role } from '../../../../electron/api/contract'
import { MANAGER_LEVELS, operatorSaveSchema, type OperatorSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { label, offered } from '../../session'

const operatorFieldSchema = (name: 'name' | 'phone') => operatorSaveSchema.shape[name]

export function SignInPage({ info, onSignedIn }: { info: AppInfo; onSignedIn: () => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [operators, setOperators] = useState<Operator[]>([])
  const [lookups, setLookups] = useState<Lookups | null>(null)
  const [registering, setRegistering] = useState(false)
  const [signInForm] = Form.useForm<{ operatorId: string; password?: string }>()
  const [registerForm] = Form.useForm<OperatorSave>()
  const chosenId = Form.useWatch('operatorId', signInForm)
  const chosen = operators.find((operator) => operator.id === chosenId)
  const newRole = Form.useWatch('role', registerForm) as Role | undefined
  const hasSupervisor = operators.some((operator) => operator.role === 'supervisor')

  useEffect(() => {
    Promise.all([call('operators.list'), call('lookups.get')])
      .then(([list, lists]) => {
        setOperators(list)
        setLookups(lists)
        setRegistering(list.length === 0)
      })
      .catch((error: unknown) => message.error(errorMessage(t, error)))
  }, [info.databaseFile, message, t])

  const signIn = async (values: { operatorId: string; password?: string }) => {
    try {
      await call('session.signIn', values)
      await onSignedIn()
    } catch (error) {
      if (showFieldErrors(t, signInForm, error).length === 0) void message.error(errorMessage(t, error))
    }
  }

  const register = async (values: OperatorSave) => {
    try {
      const operator = await call('operators.register', values)
      await call('session.signIn', {
        operatorId: operator.id,
        password: (values.password as string | null) ?? undefined,
      })
      await onSignedIn()
    } catch (error) {
      if (showFieldErrors(t, registerForm, error).length === 0) void message.error(errorMessage(t, error))
    }
  }

  const switchDatabase = async () => {
    await call(info.isDemo ? 'database.openDefault' : 'database.openDemo')
    await onSignedIn()
  }

  return (
    <div
      style={{
        display: 'grid',
        placeItems: 'center',
        height: '100%',
        background: '#eef2f7',
        overflow: 'auto',
      }}
    >
      <Card style={{ width: 520, margin: 24 }} data-testid="sign-in">
        <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <LanguageSwitch size="small" />
        </Space>
        <Typography.Title level={5}>{t('signIn.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {operators.length > 0 && (
          <Form form={signInForm} name="signIn" layout="vertical" onFinish={signIn} requiredMark={false}>
            <Form.Item
              name="operatorId"
              label={t('signIn.choose')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="operator-select"
                options={operators.map((operator) => ({
                  value: operator.id,
                  label: `${operator.name} · ${t(`levels.${operator.level}`)}`,
                }))}
                optionRender={(option) => {
                  const operator = operators.find((o) => o.id === option.value)!
                  return (
                    <Space>
                      {option.label}
                      {operator.role !== 'staff' && <Tag>{t(`roles.${operator.role}`)}</Tag>}
                    </Space>
                  )
                }}
              />
            </Form.Item>
            {chosen?.role === 'supervisor' && (
              <Form.Item
                name="password"
                label={t('signIn.password')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input.Password autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block>
              {t('signIn.signIn')}
            </Button>
          </Form>
        )}
        <Divider plain>
          <Button type="link" onClick={() => setRegistering(!registering)}>
            {t('signIn.newOperator')}
          </Button>
        </Divider>
        {registering && (
          <Form
            form={registerForm}
            name="register"
            layout="vertical"
            onFinish={register}
            initialValues={{ level: 'account_manager', role: 'staff' }}
            data-testid="register-form"
          >
            <Form.Item
              name="name"
              label={t('operator.name')}
              rules={[schemaRule(t, operatorFieldSchema('name'))]}
            >
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="level" label={t('operator.level')}>
                  <Select
                    options={MANAGER_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="branchId" label={t('operator.branch')}>
                  <Select
                    allowClear
                    options={offered(lookups?.branches ?? []).map((branch) => ({
                      value: branch.id,
                      label: label(branch, i18n.language),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="phone"
              label={t('operator.phone')}
              rules={[schemaRule(t, operatorFieldSchema('phone'))]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="role"
              label={t('operator.role')}
              extra={!hasSupervisor && t('signIn.firstSupervisor')}
            >
              <Radio.Group
                options={(['staff', 'trainer', 'supervisor'] as const).map((role) => ({
                  value: role,
                  label: t(`roles.${role}`),
                  disabled: role === 'supervisor' && hasSupervisor,
                }))}
              />
            </Form.Item>
            {newRole === 'supervisor' && (
              <Form.Item name="password" label={t('operator.password')} extra={t('signIn.passwordHint')}>
                <Input.Password />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block>
              {t('signIn.register')}
            </Button>
          </Form>
        )}
        <Divider />
        <Button icon={<DatabaseOutlined />} onClick={() => void switchDatabase()} block>
          {info.isDemo ? t('header.backToMine') : t('header.openDemo')}
        </Button>
      </Card>
    </div>
  )
}
